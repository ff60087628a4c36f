import type { ReportName } from '@keyward/console/compliance/data-access';

/** Which inputs a report takes: a moment, a number of days, a period, or a review. */
export type ReportInput = 'asOf' | 'days' | 'period' | 'review';

/** How the Reports page presents a report: its title, one line on what it answers, its inputs. */
export interface ReportEntry {
  name: ReportName;
  title: string;
  description: string;
  inputs: readonly ReportInput[];
  /** For a period: how long it is when From and To are left blank. */
  defaultDays?: number;
}

/** Every report, in the order the page lists them. */
export const REPORTS: readonly ReportEntry[] = [
  {
    name: 'inventory',
    title: 'Inventory as of a moment',
    description: 'Every app password as it stood at a moment: owner, label, status, and last use as known then.',
    inputs: ['asOf'],
  },
  {
    name: 'dormant',
    title: 'Dormant app passwords',
    description: 'Active app passwords neither used nor created for a number of days, with CIS 5.3 (45 days) and PCI DSS 8.2.6 (90 days) side by side.',
    inputs: ['days'],
  },
  {
    name: 'survived-reset',
    title: 'Survived a password reset',
    description: 'Active app passwords created before their owner last reset their password, which Microsoft Entra ID leaves working.',
    inputs: [],
  },
  {
    name: 'credential-changes',
    title: 'Changes to app passwords',
    description: 'Every generation, rename, suspension, reinstatement, revocation and expiry in a period: who, what, when and from where (PCI DSS 10.2.2).',
    inputs: ['period'],
    defaultDays: 90,
  },
  {
    name: 'policy-exceptions',
    title: 'Policy exceptions',
    description: 'Active app passwords the policy as it stands does not allow: over the per-user limit, past the longest lifetime, an owner without MFA, a scope it no longer allows.',
    inputs: [],
  },
  {
    name: 'sign-ins-by-protocol',
    title: 'Sign-ins by protocol',
    description: 'Successful sign-ins per UTC day and protocol, with the refused attempts of each day.',
    inputs: ['period'],
    defaultDays: 30,
  },
  {
    name: 'access-review',
    title: 'Access review history',
    description: 'One row per app password of a review: the decision, its justification, who decided and when, and the owner’s attestation.',
    inputs: ['review'],
  },
];
