import { TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { SecretReveal } from './secret-reveal';
import { SecretRevealHarness } from './testing/secret-reveal.harness';

@Component({ imports: [SecretReveal], template: `<kw-secret-reveal secret="kwab cdef ghij klmn opqr stuv wxyz" />` })
class Host {}

describe('the shown-once secret', () => {
  it('shows the secret in groups of four with a plain warning, and copies it whole', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const fixture = TestBed.createComponent(Host);
    const secret = await TestbedHarnessEnvironment.harnessForFixture(fixture, SecretRevealHarness);

    expect(await secret.getSecret()).toBe('kwab cdef ghij klmn opqr stuv wxyz');
    expect(await secret.getWarning()).toContain('will not be shown again');
    expect(await secret.getCopyLabel()).toBe('Copy to clipboard');

    await secret.copy();

    expect(writeText).toHaveBeenCalledWith('kwab cdef ghij klmn opqr stuv wxyz');
    expect(await secret.getCopyLabel()).toBe('Copied');
  });
});
