// The catalog module's public face: providers, products and their definitions, terms documents, search and the estimate service.
export { catalogErrors } from './catalog-errors.js';
export { type ChangeProductStatusInput, changeProductStatus } from './change-product-status.js';
export { type CreateProductInput, createProduct } from './create-product.js';
export { type CreateProviderInput, createProvider, type ProviderChangeResult } from './create-provider.js';
export { estimateNotice } from './estimate-notice.js';
export { type EstimateProductInput, estimateProduct } from './estimate-product.js';
export { findProductSlugs } from './find-product-slugs.js';
export { findProviders } from './find-providers.js';
export { getCurrentTermsDocument } from './get-current-terms-document.js';
export { getPublishedProduct } from './get-published-product.js';
export { getStorefrontProduct, type StorefrontProduct } from './get-storefront-product.js';
export { listCurrentTermsDocuments } from './list-current-terms-documents.js';
export { listOrderFieldLabels } from './list-order-field-labels.js';
export { listProducts } from './list-products.js';
export { listProductsOfKind } from './list-products-of-kind.js';
export { listProviders } from './list-providers.js';
export { listTermsDocumentVersions } from './list-terms-document-versions.js';
export { type CatalogProduct, type CatalogProvider, loadProduct, loadProducts } from './load-products.js';
export { planConfirmationRuleSql } from './plan-confirmation-rule-sql.js';
export { priceFrom } from './price-from.js';
export {
  type ProductDefinition,
  type ProductDefinitionInput,
  productDefinitionSchema,
} from './product-definition.js';
export { productMatching } from './product-matching.js';
export {
  DEFAULT_SHARED_CONTACT_FIELDS,
  type ProviderInput,
  providerPatchSchema,
  providerSchema,
  type SharedContactField,
  sharedContactFieldKeys,
} from './provider-fields.js';
export { type ProviderWithWebhook, withWebhooks } from './provider-webhook.js';
export {
  type CatalogTermsDocument,
  type PublishTermsDocumentInput,
  publishTermsDocument,
  termsDocumentSchema,
} from './publish-terms-document.js';
export { backfillProductSearch, refreshProductSearch } from './refresh-product-search.js';
export { type EstimatePdfInput, renderEstimatePdf } from './render-estimate-pdf.js';
export {
  type RotateProviderWebhookSecretInput,
  rotateProviderWebhookSecret,
} from './rotate-provider-webhook-secret.js';
export {
  type ProductSearchHit,
  type ProductSearchResult,
  type ProductSort,
  productSorts,
  type SearchProductsInput,
  searchProducts,
} from './search-products.js';
export { toPriceableProduct } from './to-priceable-product.js';
export { findRedeemedTrials, redeemTrial } from './trial-redemptions.js';
export { type UpdateProductInput, updateProduct } from './update-product.js';
export { type UpdateProviderInput, updateProvider } from './update-provider.js';
