import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from '../../app/i18n';

/*
 * The analysis's charts and map in chunks of their own (Recharts; d3-geo with the world's shapes): the
 * page shows its headings, numbers and tables first, and a progress indicator where a chart or the map
 * is still on its way.
 */
const StackedBarsDrawing = lazy(() => import('./StackedBars'));
const WorldMapDrawing = lazy(() => import('./WorldMap').then((m) => ({ default: m.WorldMap })));

/** Where a chart will be, while its code loads: the chart's own room, a spinner in its middle. */
function ChartLoading({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center h="100%" mih="8rem" data-testid="chart-loading">
      <Loader aria-label={t('common.loading')} />
      {children}
    </Center>
  );
}

export function StackedBars(props: ComponentProps<typeof StackedBarsDrawing>) {
  return (
    <Suspense fallback={<ChartLoading />}>
      <StackedBarsDrawing {...props} />
    </Suspense>
  );
}

/** The world map of States by category, with its legend (see WorldMap.tsx). */
export function WorldMap(props: ComponentProps<typeof WorldMapDrawing>) {
  return (
    <Suspense
      fallback={
        <div style={{ inlineSize: '100%', maxInlineSize: '60rem', aspectRatio: '960 / 500' }}>
          <ChartLoading />
        </div>
      }
    >
      <WorldMapDrawing {...props} />
    </Suspense>
  );
}
