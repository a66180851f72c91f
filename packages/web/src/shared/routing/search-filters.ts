import { useSearchParams } from 'wouter';

/**
 * A page's filters kept in its address, so a link opens the same view:
 * the query string and a setter of one filter, which drops the parameter
 * when the value is empty.
 */
export const useSearchFilters = () => {
  const [search, setSearch] = useSearchParams();
  const setFilter = (name: string, value: string) =>
    setSearch((params) => {
      if (value) params.set(name, value);
      else params.delete(name);
      return params;
    });
  return [search, setFilter] as const;
};
