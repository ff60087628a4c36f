import { setupGuides, type TenantMailServerInfo } from './mail-setup';

const contoso: TenantMailServerInfo = {
  imap: { host: 'imap.contoso.example', port: 993, security: 'SSL' },
  pop: null,
  submission: { host: 'smtp.contoso.example', port: 587, security: 'STARTTLS' },
};

describe('set-up steps for mail apps', () => {
  it('gives every app the exact server, port, security, user name and where the password goes', () => {
    // given IMAP over TLS and submission with STARTTLS
    // when
    const guides = setupGuides(contoso, 'ann@contoso.example');
    // then
    expect(guides.map((guide) => guide.app)).toEqual([
      'Thunderbird',
      'Outlook (Windows and Mac)',
      'Apple Mail on iPhone and iPad',
      'Apple Mail on macOS',
      'Gmail for Android',
      'Scanner or printer (scan to email)',
    ]);
    const thunderbird = guides[0].steps.join('\n');
    expect(thunderbird).toContain('Incoming: IMAP, server imap.contoso.example, port 993, connection security SSL/TLS, authentication Normal password, user name ann@contoso.example.');
    expect(thunderbird).toContain('Outgoing (SMTP) server: smtp.contoso.example, port 587, STARTTLS; user name ann@contoso.example; the same password.');
    expect(thunderbird).toContain('Password this app password (not your own password)');
    for (const guide of guides) {
      const text = guide.steps.join('\n');
      expect(text).toContain('ann@contoso.example');
      expect(text).toMatch(/this app password|the same password/);
    }
    expect(guides[2].steps.join('\n')).toContain('incoming port 993 with Use SSL on; outgoing port 587');
    expect(guides[5].steps.join('\n')).toContain('SMTP server smtp.contoso.example, port 587, STARTTLS (sometimes called TLS).');
  });

  it('names POP where there is no IMAP, and leaves out what the servers cannot serve', () => {
    const popOnly = setupGuides({ imap: null, pop: { host: 'pop.contoso.example', port: 110, security: 'STARTTLS' }, submission: null }, 'bo@contoso.example');
    expect(popOnly.map((guide) => guide.app)).not.toContain('Scanner or printer (scan to email)');
    expect(popOnly[0].steps.join('\n')).toContain('Incoming: POP, server pop.contoso.example, port 110, connection security STARTTLS');
    expect(setupGuides({ imap: null, pop: null, submission: contoso.submission }, 'bo@contoso.example').map((guide) => guide.app)).toEqual(['Scanner or printer (scan to email)']);
    expect(setupGuides({ imap: null, pop: null, submission: null }, 'bo@contoso.example')).toEqual([]);
  });
});
