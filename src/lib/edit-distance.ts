// Edit distance for forgiving small typos (search corrections, typed quiz answers): the optimal string alignment
// distance (insertions, deletions, substitutions and swaps of two neighbouring letters each cost 1).

/**
 * The number of single-letter edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
 * With `max`, stops early and returns `max + 1` once the distance is known to exceed it (cheap rejection).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three rows: two back (for swaps), the previous one, and the one being filled.
  let older = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (older[j - 2] as number) + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [older, prev, row] = [prev, row, older];
  }
  return Math.min(prev[n] as number, max + 1);
}

/**
 * How many typos a typed word or name of this many letters may carry and still count as meant: none up to 4 letters
 * (one letter there makes another word: "ulna", "ulnb"), one up to 8, then one more per 6 letters, at most 3.
 */
export function typoAllowance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return Math.min(3, 1 + Math.floor((length - 8) / 6));
}
