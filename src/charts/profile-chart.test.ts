// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderProfiles } from './profile-chart';

describe('renderProfiles', () => {
  it('draws left and right profiles of both homologs on one length axis', () => {
    const element = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const profile = new Float32Array(1024).fill(0.5);
    renderProfiles(
      {
        homologs: [
          { profile, samples: 100 },
          { profile, samples: 50 },
        ],
        maxSamples: 100,
      },
      { width: 120, height: 200 },
      element,
    );
    const paths = element.querySelectorAll('path.profile');
    expect(paths).toHaveLength(4);
    // The shorter homolog ends halfway down the shared axis.
    const last = paths[2]?.getAttribute('d') ?? '';
    expect(last.endsWith(',98')).toBe(true);
  });
});
