import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type ActivatedRouteSnapshot, type RouterStateSnapshot, type UrlTree } from '@angular/router';
import type { Permission } from './permission';
import { SessionStore } from './session.store';
import { requires } from './signed-in.guard';
import { SessionDouble } from './testing/session.double';

function guard(permission: Permission, scope: 'TENANT' | 'OWN', tenant: Permission[], own: Permission[]): boolean | string {
  TestBed.resetTestingModule();
  const session = Object.assign(new SessionDouble(tenant, own), { homePath: () => '/me/app-passwords' });
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: SessionStore, useValue: session }] });
  const result = TestBed.runInInjectionContext(() => requires(permission, scope)({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot)) as boolean | UrlTree;
  return typeof result === 'boolean' ? result : TestBed.inject(Router).serializeUrl(result);
}

describe('opening a page by the permission its route requires', () => {
  it('opens a tenant-wide page only to a grant over the whole tenant, and sends anyone else home', () => {
    expect(guard('reports.read', 'TENANT', ['reports.read'], [])).toBe(true);
    expect(guard('accessReviews.read', 'TENANT', [], ['accessReviews.read'])).toBe('/me/app-passwords');
  });

  it('opens a page of one’s own share (the access reviews) to an OWN grant too', () => {
    expect(guard('accessReviews.read', 'OWN', [], ['accessReviews.read'])).toBe(true);
    expect(guard('accessReviews.read', 'OWN', ['accessReviews.read'], [])).toBe(true);
    expect(guard('accessReviews.read', 'OWN', [], [])).toBe('/me/app-passwords');
  });
});
