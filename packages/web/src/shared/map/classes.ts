/**
 * Colouring a choropleth: values fall into a few ordered classes with
 * quantile breaks (each class holds about as many countries), which keeps
 * eight very unequal countries (11 to 106 million people) from all landing
 * in one colour. The palette is ColorBrewer's sequential "Blues", 5 classes
 * (Cynthia Brewer, Mark Harrower, colorbrewer2.org), which stays ordered
 * for colour-blind readers and in greyscale.
 */
export const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_DATA_COLOUR = '#ffffff';
export const CONTEXT_COLOUR = '#d9d9d9';

/**
 * Upper bounds of every class but the last, ascending and distinct. With
 * fewer distinct values than classes, each value gets its own class.
 */
export const quantileBreaks = (values: readonly number[], classes: number = PALETTE.length): number[] => {
  const sorted = [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b);
  if (sorted.length <= classes) return sorted.slice(0, -1);
  const breaks: number[] = [];
  for (let k = 1; k < classes; k += 1) {
    const value = sorted[Math.ceil((k * sorted.length) / classes) - 1]!;
    if (breaks.at(-1) !== value) breaks.push(value);
  }
  return breaks;
};

/** The class of a value: the first break it does not exceed, or the last class. */
export const classOf = (value: number, breaks: readonly number[]): number => {
  const index = breaks.findIndex((upper) => value <= upper);
  return index < 0 ? breaks.length : index;
};

/** Spreads the classes over the palette, light to dark. */
export const colourOf = (value: number | null | undefined, breaks: readonly number[]): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_COLOUR;
  const classes = breaks.length + 1;
  const position = classes === 1 ? PALETTE.length - 1 : Math.round((classOf(value, breaks) * (PALETTE.length - 1)) / (classes - 1));
  return PALETTE[position]!;
};

/** Legend entries: each class's colour and its range of values. */
export const legendEntries = (values: readonly number[], breaks: readonly number[]) => {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const lowers = [min, ...breaks];
  const uppers = [...breaks, max];
  return lowers.map((lower, i) => {
    const upper = uppers[i]!;
    // A class starts just above the previous break; show the lowest actual value in it.
    const inClass = finite.filter((v) => classOf(v, breaks) === i);
    return { colour: colourOf(upper, breaks), from: inClass.length ? Math.min(...inClass) : lower, to: upper };
  });
};
