import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { stockApi } from './stock.api.ts';
import type { Product } from './stock.types.ts';

let catalogue: Promise<Product[]> | null = null;
const NONE: Product[] = [];

/** The product catalogue from the node (GET /stock/products), fetched once per visit: names are never hard-coded here. */
export const loadProducts = (): Promise<Product[]> => {
  catalogue ??= stockApi(api)
    .products()
    .then((answer) => answer.products)
    .catch((error: unknown) => {
      catalogue = null;
      throw error;
    });
  return catalogue;
};

export const productName = (products: readonly Product[], id: string, language: string): string => {
  const product = products.find((p) => p.id === id);
  return product ? (language === 'fr' ? product.name.fr : product.name.en) : id;
};

/** The catalogue and a name function in the reader's language; until it arrives, products are shown by id. */
export const useProducts = () => {
  const { i18n } = useTranslation();
  const loaded = useApi(() => loadProducts(), []);
  const products = loaded.status === 'ready' ? loaded.data : NONE;
  return useMemo(() => ({ products, name: (id: string) => productName(products, id, i18n.language) }), [products, i18n.language]);
};
