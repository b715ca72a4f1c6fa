// The storefront catalog through the generated client: product search, one product, and the live estimate.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api, dataOf } from './client';
import type { components, paths } from './schema';

export type ProductPage = components['schemas']['ProductPage'];
export type ProductSummary = components['schemas']['ProductSummary'];
export type ProductDetail = components['schemas']['ProductDetail'];
export type Estimate = components['schemas']['Estimate'];
export type EstimateRequest = components['schemas']['EstimateRequest'];
export type ProductQuery = NonNullable<paths['/api/store/products']['get']['parameters']['query']>;

/** GET /api/store/products with the filters of the search form; the previous page stays while the next loads. */
export function useProducts(query: ProductQuery) {
  return useQuery({
    queryKey: ['products', query],
    queryFn: async ({ signal }): Promise<ProductPage> => {
      return dataOf(
        await api.GET('/api/store/products', { params: { query }, signal }),
        '/api/store/products',
      );
    },
    placeholderData: keepPreviousData,
  });
}

/** GET /api/store/products/{product}. */
export function useProduct(slug: string) {
  return useQuery({
    queryKey: ['product', slug],
    queryFn: async ({ signal }): Promise<ProductDetail> => {
      return dataOf(
        await api.GET('/api/store/products/{product}', {
          params: { path: { product: slug } },
          signal,
        }),
        '/api/store/products/{product}',
      );
    },
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

/** POST /api/store/estimates for the current choice; re-asked whenever the choice changes. */
export function useEstimate(request: EstimateRequest | null) {
  return useQuery({
    queryKey: ['estimate', request],
    enabled: request !== null,
    queryFn: async ({ signal }): Promise<Estimate> => {
      return dataOf(
        await api.POST('/api/store/estimates', { body: request!, signal }),
        '/api/store/estimates',
      );
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export type CatalogTermsDocument = components['schemas']['CatalogTermsDocument'];

/** GET /api/store/terms-documents/{key}: a product, option or trial document in force. */
export function useCatalogDocument(key: string) {
  return useQuery({
    queryKey: ['catalog-document', key],
    queryFn: async ({ signal }): Promise<CatalogTermsDocument> => {
      return dataOf(
        await api.GET('/api/store/terms-documents/{key}', {
          params: { path: { key } },
          signal,
        }),
        '/api/store/terms-documents/{key}',
      );
    },
    retry: false,
  });
}

/** POST /api/store/estimates/pdf: the same choice rendered by the server as an A4 PDF, returned as a file to save. */
export async function fetchEstimatePdf(request: EstimateRequest, locale: 'ja' | 'en'): Promise<Blob> {
  return dataOf(
    await api.POST('/api/store/estimates/pdf', {
      body: { ...request, locale },
      parseAs: 'blob',
    }),
    '/api/store/estimates/pdf',
  ) as Blob;
}
