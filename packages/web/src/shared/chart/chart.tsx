import { lazy, Suspense } from 'react';
import { Loading } from '../components/notice.tsx';
import type { EChartProps } from './echart.tsx';

const EChart = lazy(() => import('./echart.tsx'));

/** A chart, its code fetched the first time a page shows one. */
export const Chart = (props: EChartProps) => (
  <Suspense fallback={<Loading />}>
    <EChart {...props} />
  </Suspense>
);
