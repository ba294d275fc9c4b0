/** The diagnostic of an incremental refresh ("incremental: 3 new answers"): for the console and the period's data-refresh. */
export const incrementalText = (n: number) => `incremental: ${n} new answer${n === 1 ? '' : 's'}`;
