const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The detectors' thresholds and windows, all in event time. Changing them changes what a replay
 * decides from then on; alerts raised already stay as they are.
 */
export interface AlertSettings {
  /** FAILURE_BURST: at least this many failed sign-ins… */
  readonly burstFailures: number;
  /** …for one account, or from one address, within this window. */
  readonly burstWindowMs: number;
  /** PASSWORD_SPRAY: at least this many distinct accounts failing from one address… */
  readonly sprayAccounts: number;
  /** …within this window. */
  readonly sprayWindowMs: number;
  /** NEW_SOURCE_ADDRESS: a credential's networks are learnt, not alerted on, until its first use is this old. */
  readonly learningMs: number;
  /**
   * How long a new source's further uses, or a revoked credential's further attempts from the
   * same network, count towards the alert they raised before a later one raises another.
   */
  readonly episodeMs: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  burstFailures: 20,
  burstWindowMs: 5 * MINUTE,
  sprayAccounts: 10,
  sprayWindowMs: 10 * MINUTE,
  learningMs: 24 * HOUR,
  episodeMs: 24 * HOUR,
};

/** Failures a spray detector keeps per address: it needs `sprayAccounts` distinct ones among them. */
export const SPRAY_MEMORY = 200;
