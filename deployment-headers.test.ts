import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, SECURITY_HEADERS } from './vite.config';

/** The code block that follows "The policy" in the deployment section, on one line. */
function documentedPolicy(markdown: string): string {
  const section = markdown.slice(markdown.indexOf('### Deployment: the headers a server must send'));
  const block = /\nThe policy [^\n]*\n(?:[^\n]+\n)*?\n```\n([^`]+)```/.exec(section)?.[1] ?? '';
  return block.split('\n').join(' ').replace(/\s+/g, ' ').trim();
}

describe('the headers a deployment must send', () => {
  const docs = readFileSync('docs/review-screens.md', 'utf8');

  it('forbid framing in the header only: a <meta> policy cannot carry frame-ancestors', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('are the ones docs/review-screens.md tells a server to send', () => {
    expect(documentedPolicy(docs)).toBe(CONTENT_SECURITY_POLICY_HEADER);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (name !== 'Content-Security-Policy') expect(docs).toContain(`\`${name}: ${value}\``);
    }
  });
});
