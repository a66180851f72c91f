import { geoMercator, geoPath } from 'd3-geo';
import type { KeyboardEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTEXT_COLOUR, NO_DATA_COLOUR, colourOf, legendEntries, quantileBreaks } from './classes.ts';
import type { MapShape } from './shapes.ts';

/**
 * The region as an SVG choropleth drawn with d3-geo: partner states coloured
 * by an indicator, neighbours in grey for orientation. Every partner state is
 * a focusable link (Enter or Space opens it) with its name and value as its
 * label; the page beside it carries the same figures as a table.
 */
export interface RegionMapProps {
  shapes: readonly MapShape[];
  values: Readonly<Record<string, number | null>>;
  format(value: number): string;
  /** What the colours show, e.g. "Population, 2023". */
  indicatorLabel: string;
  selected?: string | null;
  onSelect?(code: string): void;
}

const WIDTH = 720;
const PAD = 12;

/** Mercator fitted to the partner states: the region is near the equator, where it barely distorts. */
const useLayout = (shapes: readonly MapShape[]) =>
  useMemo(() => {
    const parties = { type: 'FeatureCollection' as const, features: shapes.filter((s) => s.role === 'party').map((s) => s.feature) };
    const projection = geoMercator().fitWidth(WIDTH - 2 * PAD, parties);
    const [[, y0], [, y1]] = geoPath(projection).bounds(parties);
    const height = Math.ceil(y1 - y0) + 2 * PAD;
    projection.fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, height - PAD],
      ],
      parties,
    );
    const path = geoPath(projection);
    return { height, paths: shapes.map((shape) => ({ shape, d: path(shape.feature) ?? '' })) };
  }, [shapes]);

export const RegionMap = ({ shapes, values, format, indicatorLabel, selected, onSelect }: RegionMapProps) => {
  const { t, i18n } = useTranslation();
  const { height, paths } = useLayout(shapes);
  const known = Object.values(values).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const breaks = quantileBreaks(known);
  const nameOf = (shape: MapShape) => (i18n.language === 'fr' ? shape.name.fr : shape.name.en);
  const valueText = (code: string) => {
    const value = values[code];
    return typeof value === 'number' ? format(value) : t('map.noData');
  };
  const activate = (event: KeyboardEvent, code: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(code);
    }
  };
  // The selected state is drawn last so its outline is not covered by a neighbour's.
  const ordered = [...paths].sort((a, b) => rank(a.shape, selected) - rank(b.shape, selected));

  return (
    <figure className="region-map">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={t('map.label', { indicator: indicatorLabel })}>
        {ordered.map(({ shape, d }) =>
          shape.role === 'party' && shape.code ? (
            <path
              key={shape.id}
              d={d}
              data-code={shape.code}
              className={shape.code === selected ? 'map-party map-selected' : 'map-party'}
              fill={colourOf(values[shape.code], breaks)}
              tabIndex={onSelect ? 0 : undefined}
              role={onSelect ? 'link' : 'img'}
              aria-label={`${nameOf(shape)}: ${valueText(shape.code)}`}
              onClick={onSelect ? () => onSelect(shape.code!) : undefined}
              onKeyDown={onSelect ? (event) => activate(event, shape.code!) : undefined}
            >
              <title>{`${nameOf(shape)}: ${valueText(shape.code)}`}</title>
            </path>
          ) : (
            <path key={shape.id} d={d} className="map-context" fill={CONTEXT_COLOUR} aria-hidden="true">
              <title>{nameOf(shape)}</title>
            </path>
          ),
        )}
      </svg>
      <figcaption>
        <span className="legend-title">{indicatorLabel}</span>
        <ul className="legend">
          {legendEntries(known, breaks).map((entry) => (
            <li key={entry.colour}>
              <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
              {entry.from === entry.to ? format(entry.from) : `${format(entry.from)} – ${format(entry.to)}`}
            </li>
          ))}
          {known.length < Object.keys(values).length ? (
            <li>
              <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
              {t('map.noData')}
            </li>
          ) : null}
          <li>
            <span className="swatch" style={{ background: CONTEXT_COLOUR }} aria-hidden="true" />
            {t('map.neighbour')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
};

const rank = (shape: MapShape, selected: string | null | undefined) => (shape.role === 'context' ? 0 : shape.code === selected ? 2 : 1);
