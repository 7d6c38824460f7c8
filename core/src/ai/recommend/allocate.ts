/**
 * Budget allocation over response curves: the daily spends that maximize the summed result for
 * a fixed total, each within its bounds. Concave curves make it exact: at the optimum every
 * campaign not at a bound has the same marginal return λ, found by bisection.
 */
import { predict } from './curve.ts';

export interface AllocationItem {
  id: string;
  curve: { a: number; b: number };
  /** Today's daily spend. */
  current: number;
  lower: number;
  upper: number;
}

export interface Transfer {
  from: string;
  to: string;
  /** Daily spend moved. */
  amount: number;
  /** Result per day gained (the receiver's gain minus the donor's loss), on the fitted curves. */
  gain: number;
}

/**
 * The best daily spends for `total` (default: the current total), in the items' order.
 *
 * @example allocate([{ id: 'a', curve, current: 100, lower: 50, upper: 200 }, ...])
 */
export function allocate(items: readonly AllocationItem[], total?: number): number[] {
  const budget = total ?? items.reduce((sum, item) => sum + item.current, 0);
  const spendAt = (lambda: number) =>
    items.map((item) => {
      const { a, b } = item.curve;
      if (!(a > 0) || !(b > 0) || b >= 1) return item.lower;
      // a b s^(b-1) = λ  =>  s = (λ / (a b))^(1 / (b - 1))
      const spend = (lambda / (a * b)) ** (1 / (b - 1));
      return Math.min(item.upper, Math.max(item.lower, spend));
    });
  const sum = (spends: number[]) => spends.reduce((total, spend) => total + spend, 0);
  if (sum(items.map((item) => item.upper)) <= budget) return items.map((item) => item.upper);
  if (sum(items.map((item) => item.lower)) >= budget) return items.map((item) => item.lower);
  // Bisection on log λ: the spends fall as λ rises.
  let low = -60;
  let high = 60;
  for (let step = 0; step < 200; step++) {
    const middle = (low + high) / 2;
    if (sum(spendAt(Math.exp(middle))) > budget) low = middle;
    else high = middle;
  }
  return spendAt(Math.exp((low + high) / 2));
}

/**
 * Splits a move from `current` to `target` spends into transfers, largest donor to largest
 * receiver first, each with the result it gains on the curves (applied in order, so the gains
 * add up to the whole move's).
 */
export function transfers(items: readonly AllocationItem[], target: readonly number[]): Transfer[] {
  const spend = items.map((item) => item.current);
  const donors = items
    .map((item, index) => ({ index, amount: item.current - target[index]! }))
    .filter((entry) => entry.amount > 1e-9)
    .sort((a, b) => b.amount - a.amount);
  const receivers = items
    .map((item, index) => ({ index, amount: target[index]! - item.current }))
    .filter((entry) => entry.amount > 1e-9)
    .sort((a, b) => b.amount - a.amount);
  const moves: Transfer[] = [];
  let d = 0;
  let r = 0;
  while (d < donors.length && r < receivers.length) {
    const donor = donors[d]!;
    const receiver = receivers[r]!;
    const amount = Math.min(donor.amount, receiver.amount);
    const from = items[donor.index]!;
    const to = items[receiver.index]!;
    const lost =
      predict(from.curve, spend[donor.index]!) - predict(from.curve, spend[donor.index]! - amount);
    const won =
      predict(to.curve, spend[receiver.index]! + amount) -
      predict(to.curve, spend[receiver.index]!);
    spend[donor.index]! -= amount;
    spend[receiver.index]! += amount;
    moves.push({ from: from.id, to: to.id, amount, gain: won - lost });
    donor.amount -= amount;
    receiver.amount -= amount;
    if (donor.amount <= 1e-9) d++;
    if (receiver.amount <= 1e-9) r++;
  }
  return moves;
}

/** The summed result per day of `spends` on the items' curves. */
export function totalResult(items: readonly AllocationItem[], spends: readonly number[]): number {
  return items.reduce((sum, item, index) => sum + predict(item.curve, spends[index]!), 0);
}
