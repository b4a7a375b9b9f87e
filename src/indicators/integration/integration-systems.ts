/** The national systems whose integration health is watched (docs/indicators.md "Integration health"). */
export const INTEGRATION_SYSTEMS = [
  'population_registry',
  'insurance_registry',
  'eid',
  'portal',
  'social_insurance',
] as const;
export type IntegrationSystem = (typeof INTEGRATION_SYSTEMS)[number];

export const INTEGRATION_LABELS: Readonly<Record<IntegrationSystem, string>> = {
  population_registry: 'Cơ sở dữ liệu quốc gia về dân cư',
  insurance_registry: 'Cơ sở dữ liệu bảo hiểm xã hội (quá trình đóng)',
  eid: 'Định danh điện tử VNeID',
  portal: 'Cổng Dịch vụ công quốc gia',
  social_insurance: 'Bảo hiểm xã hội tỉnh (chi trả)',
};

/** The job queue that carries a system's outgoing work (queue depth and dead letters); none for read-only systems. */
export const INTEGRATION_QUEUES: Readonly<Partial<Record<IntegrationSystem, string>>> = {
  portal: 'portal.deliver',
  social_insurance: 'social-insurance.send',
};

/** Thresholds of the alert to administrators; a crossed threshold alerts once per system, day and kind. */
export const ALERT_THRESHOLDS = {
  /** Today's success rate under this, with at least `minCalls` calls. */
  successRate: 0.9,
  minCalls: 20,
  /** Today's p95 latency above this. */
  p95Ms: 5_000,
  /** Dead letters in the system's queue above this. */
  deadLetters: 0,
} as const;
