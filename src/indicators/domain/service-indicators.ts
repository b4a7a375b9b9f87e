import { addDays } from '../../calendar/iso-date';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { pauseClock, resumeClock } from '../../dossiers/domain/dossier-deadlines';
import { LegalRules } from '../../eligibility/domain/legal-rules';
import { processingDueDate } from '../../eligibility/domain/processing-deadlines';

/**
 * The province's service indicators (Quyết định 766/QĐ-TTg: on-time processing, online service, digitisation,
 * satisfaction) for one month, computed from the records, never typed in. Pure: the repository hands over the facts
 * of the month, this module counts. docs/indicators.md defines each figure.
 */

export type Channel = 'online' | 'portal' | 'counter';
export const CHANNELS: readonly Channel[] = ['online', 'portal', 'counter'];

/** Filings of one center and channel in the month. */
export interface FilingFact {
  centerCode: string;
  channel: Channel;
  count: number;
}

/** A step that moves the processing clock: receipt starts it, a supplement request stops it, the answer restarts it. */
export interface ClockStep {
  action: 'receive' | 'request_supplement' | 'supplement';
  on: string;
}

/** A dossier the Director decided in the month. */
export interface DecisionFact {
  centerCode: string;
  decidedOn: string;
  receivedOn: string | null;
  clockSteps: ClockStep[];
  /** Day the signed decision (approval or refusal) was issued; null while it is not. */
  electronicResultOn: string | null;
}

/** A benefit month whose job-search notice window closed in the month. */
export interface NoticeFact {
  centerCode: string;
  noticeTo: string;
  outcome: string | null;
  filedOn: string | null;
}

/** A benefit month the social insurance office pays. */
export interface PaymentFact {
  centerCode: string;
  month: number;
  periodFrom: string;
  status: 'pending' | 'paid' | 'failed';
  paidAt: string | null;
}

export interface RatingFact {
  centerCode: string;
  rating: number;
}

export interface MonthFacts {
  filings: FilingFact[];
  decisions: DecisionFact[];
  notices: NoticeFact[];
  payments: PaymentFact[];
  ratings: RatingFact[];
}

export interface Share {
  count: number;
  total: number;
  /** count / total rounded to 4 decimals; null when total is 0. */
  share: number | null;
}

export interface IndicatorSet {
  filed: { total: number; online: number; portal: number; counter: number; onlineShare: number | null };
  decided: number;
  onTime: Share;
  electronicResult: Share;
  averageWorkingDaysToDecision: number | null;
  p90WorkingDaysToDecision: number | null;
  noticesOnTime: Share;
  paymentsOnTime: Share;
  satisfaction: { ratings: number; average: number | null; distribution: [number, number, number, number, number] };
}

/**
 * Working days the social insurance office has to pay a benefit month (the service's reading of NĐ 28/2015 Điều 18
 * k.1–2, kept by NĐ 374/2025): month 1 within 5 working days from the start of the benefit period (the decision
 * reaches the office before it), month k ≥ 2 within 5 working days from the 7th day of that benefit month.
 */
export const PAYMENT_WORKING_DAYS = 5;
export const LATER_MONTH_PAYMENT_ANCHOR_DAY = 7;

export function paymentDueDate(month: number, periodFrom: string, calendar: WorkingCalendar): string {
  const anchor = month === 1 ? periodFrom : addDays(periodFrom, LATER_MONTH_PAYMENT_ANCHOR_DAY - 1);
  return calendar.addWorkingDays(anchor, PAYMENT_WORKING_DAYS);
}

export interface DecisionTiming {
  /** Legal deadline: the processing time after receipt, moved by every supplement pause (as the workflow does). */
  deadline: string;
  /** Working days of the processing clock from receipt to decision, pauses for the citizen's supplement excluded. */
  workingDays: number;
  onTime: boolean;
}

/**
 * Replays the processing clock of one decided dossier from its history: the deadline starts at receipt
 * (`processing_working_days` of the regime in force), a supplement request after receipt stops it with the working
 * days left, the answer restarts it. Null for a dossier decided without a receipt (none in a normal flow).
 */
export function decisionTiming(
  fact: DecisionFact,
  rules: LegalRules,
  calendar: WorkingCalendar,
): DecisionTiming | null {
  if (!fact.receivedOn) return null;
  let deadline = processingDueDate(fact.receivedOn, rules, calendar);
  let received = false;
  let pausedOn: string | null = null;
  let remaining = 0;
  let pausedDays = 0;
  for (const step of fact.clockSteps) {
    if (step.action === 'receive') received = true;
    else if (!received) continue;
    else if (step.action === 'request_supplement' && pausedOn === null) {
      pausedOn = step.on;
      remaining = pauseClock(step.on, deadline, calendar);
    } else if (step.action === 'supplement' && pausedOn !== null) {
      deadline = resumeClock(step.on, remaining, calendar);
      pausedDays += calendar.workingDaysBetween(pausedOn, step.on);
      pausedOn = null;
    }
  }
  const workingDays = calendar.workingDaysBetween(fact.receivedOn, fact.decidedOn) - pausedDays;
  return { deadline, workingDays, onTime: fact.decidedOn <= deadline };
}

/** Nearest-rank percentile (the smallest value with at least p % of the values at or below it). */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function share(count: number, total: number): Share {
  return { count, total, share: total ? Math.round((count / total) * 10_000) / 10_000 : null };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export interface IndicatorContext {
  rules: LegalRules;
  calendar: WorkingCalendar;
  /** The month's first day. */
  firstDay: string;
  /** The month's last day, or today for the running month: a window or a payment due later is not counted yet. */
  lastDay: string;
}

/**
 * The indicators of one month for each center and for the province (`centerCode` null). Payments are those whose
 * due date falls in [firstDay, lastDay]; the caller hands over every payment that might (benefit months starting
 * from the month before).
 */
export function computeIndicators(
  facts: MonthFacts,
  context: IndicatorContext,
): { centerCode: string | null; indicators: IndicatorSet }[] {
  const centers = [
    ...new Set([
      ...facts.filings.map((f) => f.centerCode),
      ...facts.decisions.map((f) => f.centerCode),
      ...facts.notices.map((f) => f.centerCode),
      ...facts.payments.map((f) => f.centerCode),
      ...facts.ratings.map((f) => f.centerCode),
    ]),
  ].sort();
  const pick = <T extends { centerCode: string }>(rows: T[], center: string | null) =>
    center === null ? rows : rows.filter((r) => r.centerCode === center);
  return [null, ...centers].map((centerCode) => ({
    centerCode,
    indicators: indicatorSet(
      {
        filings: pick(facts.filings, centerCode),
        decisions: pick(facts.decisions, centerCode),
        notices: pick(facts.notices, centerCode),
        payments: pick(facts.payments, centerCode),
        ratings: pick(facts.ratings, centerCode),
      },
      context,
    ),
  }));
}

function indicatorSet(facts: MonthFacts, { rules, calendar, firstDay, lastDay }: IndicatorContext): IndicatorSet {
  const byChannel = { online: 0, portal: 0, counter: 0 };
  for (const f of facts.filings) byChannel[f.channel] += f.count;
  const filedTotal = byChannel.online + byChannel.portal + byChannel.counter;

  const timings = facts.decisions.map((d) => decisionTiming(d, rules, calendar)).filter((t) => t !== null);
  const days = timings.map((t) => t.workingDays);

  const notices = facts.notices.filter((n) => n.outcome !== 'cancelled' && n.noticeTo <= lastDay);
  const payments = facts.payments
    .map((p) => ({ ...p, due: paymentDueDate(p.month, p.periodFrom, calendar) }))
    .filter((p) => p.due >= firstDay && p.due <= lastDay);

  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of facts.ratings) distribution[r.rating - 1] += 1;
  const ratingSum = facts.ratings.reduce((s, r) => s + r.rating, 0);

  return {
    filed: {
      total: filedTotal,
      ...byChannel,
      onlineShare: share(byChannel.online + byChannel.portal, filedTotal).share,
    },
    decided: facts.decisions.length,
    onTime: share(timings.filter((t) => t.onTime).length, timings.length),
    electronicResult: share(
      facts.decisions.filter((d) => d.electronicResultOn !== null && d.electronicResultOn <= lastDay).length,
      facts.decisions.length,
    ),
    averageWorkingDaysToDecision: days.length ? round2(days.reduce((s, d) => s + d, 0) / days.length) : null,
    p90WorkingDaysToDecision: nearestRankPercentile(days, 90),
    noticesOnTime: share(notices.filter((n) => n.filedOn !== null && n.filedOn <= n.noticeTo).length, notices.length),
    paymentsOnTime: share(
      payments.filter((p) => p.status === 'paid' && p.paidAt !== null && p.paidAt <= p.due).length,
      payments.length,
    ),
    satisfaction: {
      ratings: facts.ratings.length,
      average: facts.ratings.length ? round2(ratingSum / facts.ratings.length) : null,
      distribution,
    },
  };
}
