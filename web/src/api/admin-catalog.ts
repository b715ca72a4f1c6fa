// The admin catalog API through the generated client: providers, products with their whole definitions, status changes and document versions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, retryBlips } from './client';
import type { components } from './schema';

export type AdminProvider = components['schemas']['AdminProvider'];
export type AdminProduct = components['schemas']['AdminProduct'];
export type AdminTermsDocument = components['schemas']['AdminCatalogTermsDocument'];
export type ProductStatus = AdminProduct['status'];

const catalogKey = ['admin', 'catalog'] as const;
const providersKey = [...catalogKey, 'providers'] as const;
const productsKey = [...catalogKey, 'products'] as const;
const documentsKey = [...catalogKey, 'documents'] as const;

// An answer from the server would only be repeated; a network blip earns one retry.

export function useAdminProviders() {
  return useQuery({
    queryKey: providersKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/admin/catalog/providers', { signal }), '/api/admin/catalog/providers')
        .providers;
    },
    retry: retryBlips,
  });
}

/** The provider fields the console edits; webhook settings are left as they are. */
export interface ProviderFields {
  slug: string;
  nameJa: string;
  nameEn: string;
  isStore: boolean;
  contactEmails: string[];
}

/** Creates a provider (no id) or changes one (with its id). */
export function useSaveProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, fields }: { id?: string; fields: ProviderFields }) => {
      if (id === undefined) {
        return dataOf(
          await api.POST('/api/admin/catalog/providers', {
            body: { ...fields },
          }),
          '/api/admin/catalog/providers',
        );
      }
      return dataOf(
        await api.PATCH('/api/admin/catalog/providers/{id}', {
          params: { path: { id } },
          body: { ...fields },
        }),
        '/api/admin/catalog/providers/{id}',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

export function useAdminProducts() {
  return useQuery({
    queryKey: productsKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/admin/catalog/products', { signal }), '/api/admin/catalog/products')
        .products;
    },
    retry: retryBlips,
  });
}

export function useAdminProduct(id: string | undefined) {
  return useQuery({
    queryKey: [...productsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/catalog/products/{id}', {
          params: { path: { id: id! } },
          signal,
        }),
        '/api/admin/catalog/products/{id}',
      );
    },
    retry: retryBlips,
  });
}

/** Creates a draft (no id) or saves a product's whole definition (with its id). */
export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, definition }: { id?: string; definition: Record<string, unknown> }) => {
      if (id === undefined) {
        return dataOf(
          await api.POST('/api/admin/catalog/products', { body: definition }),
          '/api/admin/catalog/products',
        );
      }
      return dataOf(
        await api.PUT('/api/admin/catalog/products/{id}', {
          params: { path: { id } },
          body: definition,
        }),
        '/api/admin/catalog/products/{id}',
      );
    },
    onSuccess: (product) => {
      queryClient.setQueryData([...productsKey, 'one', product.id], product);
      // The storefront's cached pages show the old prices otherwise.
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      void queryClient.invalidateQueries({ queryKey: ['product'] });
      return queryClient.invalidateQueries({ queryKey: productsKey });
    },
  });
}

export function useChangeProductStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, status }: { id: string; status: ProductStatus }) => {
      return dataOf(
        await api.POST('/api/admin/catalog/products/{id}/status', {
          params: { path: { id } },
          body: { status },
        }),
        '/api/admin/catalog/products/{id}/status',
      );
    },
    onSuccess: (product) => {
      queryClient.setQueryData([...productsKey, 'one', product.id], product);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      void queryClient.invalidateQueries({ queryKey: ['product'] });
      return queryClient.invalidateQueries({ queryKey: productsKey });
    },
  });
}

export function useAdminTermsDocuments() {
  return useQuery({
    queryKey: documentsKey,
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/catalog/terms-documents', { signal }),
        '/api/admin/catalog/terms-documents',
      ).documents;
    },
    retry: retryBlips,
  });
}

export interface TermsDocumentFields {
  key: string;
  version: string;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
}

export function usePublishTermsDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fields: TermsDocumentFields) => {
      return dataOf(
        await api.POST('/api/admin/catalog/terms-documents', {
          body: { ...fields },
        }),
        '/api/admin/catalog/terms-documents',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsKey }),
  });
}

/** Where a product may go next, mirroring the server's status machine (which still decides). */
export const productTransitions: Record<ProductStatus, ProductStatus[]> = {
  draft: ['published', 'retired'],
  published: ['retired', 'draft'],
  retired: ['published'],
};
