import { isInMotion, isReinstatable, progressOf } from './revocation-case';

describe('what a case’s numbers mean', () => {
  it('counts every outcome as done, over what was matched', () => {
    expect(progressOf({ matched: 8, revoked: 3, alreadyRevoked: 1, failed: 1 })).toEqual({ done: 5, total: 8, percent: 62 });
    expect(progressOf({ matched: 0, revoked: 0, alreadyRevoked: 0, failed: 0 })).toEqual({ done: 0, total: 0, percent: 100 });
  });

  it('keeps following a case while it runs or reinstates', () => {
    expect(isInMotion({ status: 'RUNNING', reinstatement: null })).toBe(true);
    expect(isInMotion({ status: 'COMPLETED', reinstatement: { status: 'REQUESTED', reinstated: null } })).toBe(true);
    expect(isInMotion({ status: 'COMPLETED', reinstatement: { status: 'DONE', reinstated: 2 } })).toBe(false);
    expect(isInMotion({ status: 'DRY_RUN', reinstatement: null })).toBe(false);
  });

  it('offers a reinstatement only for a finished suspension that suspended something and was not reinstated', () => {
    const suspension = { action: 'SUSPEND' as const, status: 'COMPLETED' as const, reinstatement: null, revoked: 2 };
    expect(isReinstatable(suspension)).toBe(true);
    expect(isReinstatable({ ...suspension, status: 'CANCELLED' })).toBe(true);
    expect(isReinstatable({ ...suspension, action: 'REVOKE' })).toBe(false);
    expect(isReinstatable({ ...suspension, status: 'RUNNING' })).toBe(false);
    expect(isReinstatable({ ...suspension, revoked: 0 })).toBe(false);
    expect(isReinstatable({ ...suspension, reinstatement: { status: 'DONE', reinstated: 2 } })).toBe(false);
  });
});
