import { useTranslation } from 'react-i18next';
import type { useProducts } from './products.ts';

/** A filter by product, named in the reader's language; empty means every product. */
export const ProductPicker = ({ products, value, onChange }: { products: ReturnType<typeof useProducts>; value: string; onChange(value: string): void }) => {
  const { t } = useTranslation();
  return (
    <label className="field field-inline">
      <span>{t('stock.product')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('stock.allProducts')}</option>
        {products.products.map((p) => (
          <option key={p.id} value={p.id}>
            {products.name(p.id)}
          </option>
        ))}
      </select>
    </label>
  );
};
