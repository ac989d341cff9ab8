// Fits the rewrite rule of engine/story/story-rewrite.ts (REWRITE_*) on every pair of pairs.json
// (both halves: the 25–31 July half was seen when the threshold was last chosen, so it is held out
// no more; pairs-fresh.json is the set nobody tuned on) and prints how it scores each half, and a
// leave-one-out estimate. Logistic regression (Newton's method, a small L2 penalty), rewrites
// against same-topic and unrelated pairs, on the evidence features.ts prints; the threshold is the
// lowest that flags no other-event pair.
// Run: npx tsx tests/eval/real-story/features.ts > pair-features.jsonl
//      npx tsx tests/eval/real-story/fit.ts pair-features.jsonl
import { readFileSync } from 'node:fs';
import { rewriteInputs, type StoryEvidence } from '../../../engine/story/story';

type Row = StoryEvidence & { label: string; day: number };
const rows = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);
const positive = (r: Row) => r.label === 'rewrite';
const negative = (r: Row) => r.label === 'same-topic' || r.label === 'unrelated';
// The rule is asked only of a page of the article's day or the next (story.ts): so is the fit.
const tune = rows.filter((r) => r.nearDay && (positive(r) || negative(r)));

/** Solves A x = b (Gaussian elimination with partial pivoting; A is small and positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

/** Logistic regression weights (the last is the bias) for rows x with labels y. */
function fit(X: number[][], y: number[]): number[] {
  const d = X[0].length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < 100; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? L2 : 0)));
    X.forEach((x, n) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * w[i], 0)));
      for (let i = 0; i < d; i++) {
        g[i] += (p - y[n]) * x[i];
        for (let j = 0; j < d; j++) H[i][j] += p * (1 - p) * x[i] * x[j];
      }
    });
    for (let i = 0; i < d - 1; i++) g[i] += L2 * w[i];
    H[d - 1][d - 1] -= L2; // the bias is not penalized
    const step = solve(H, g);
    w = w.map((v, i) => v - step[i]);
  }
  return w;
}

const L2 = 0.3;
const inputs = (r: Row) => [...rewriteInputs(r), 1];
const X = tune.map(inputs);
const y = tune.map((r) => (positive(r) ? 1 : 0));
const w = fit(X, y);
const scoreWith = (weights: number[], r: Row) =>
  r.nearDay ? inputs(r).reduce((s, v, i) => s + v * weights[i], 0) : -Infinity;
const score = (r: Row) => scoreWith(w, r);
const negScores = tune
  .filter(negative)
  .map(score)
  .sort((a, b) => b - a);
// Above every other-event pair: the ≤ 2% budget for other events is shared with the copy rules.
const threshold = negScores[0] + 1e-3;
console.log(
  `weights ${w.map((v) => v.toFixed(3)).join(', ')} (the last is the bias); threshold ${threshold.toFixed(3)}`,
);
for (const [name, part] of [
  ['pages of 21–24 July', rows.filter((r) => r.day <= 24)],
  ['pages of 25–31 July', rows.filter((r) => r.day >= 25)],
] as const) {
  const count = (f: (r: Row) => boolean) => {
    const s = part.filter(f);
    return `${s.filter((r) => score(r) >= threshold).length}/${s.length}`;
  };
  console.log(
    `${name}: rewrites ${count(positive)}, other events ${count(negative)}, copies ${count((r) => r.label === 'copy')}`,
  );
}
// Leave one out: each pair scored by a fit without it, against the threshold above the other
// negatives' own left-out scores — what the rule would do on a pair it never saw, within this set.
const left = tune.map((r, n) =>
  scoreWith(
    fit(
      X.filter((_, k) => k !== n),
      y.filter((_, k) => k !== n),
    ),
    r,
  ),
);
const leftNeg = left.filter((_, n) => !y[n]).sort((a, b) => b - a);
for (const allowed of [0, 1, 2]) {
  const found = left.filter((v, n) => y[n] && v > leftNeg[allowed]).length;
  console.log(
    `leave one out, ${allowed} other-event pair(s) flagged: rewrites ${found}/${rows.filter(positive).length}`,
  );
}
