import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

/*
 * Teaching mode must not teach the wrong thing: for every type a change alters, the guide names the
 * bands the karyotype puts the change on and says plainly whether the model flagged that type, as the
 * overview's type card does.
 */
test('the teaching guide says plainly which changed types the model did not flag, and where the change is', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  // The teaching form draws its seed from the page's Math.random: fixed once the app runs, so the test
  // model's verdicts are fixed too.
  await page.evaluate(() => {
    Math.random = () => 0.25;
  });
  const progress = await app.startTeachingCase('46,XX,t(11;22)(q23;q11.2),inv(9)(p12q13)', 3);
  await expect(progress).toHaveCount(0, { timeout: 120_000 });
  await expect(page.locator('#case-title')).toHaveText('Teaching 46,XX,t(11;22)(q23;q11.2),inv(9)(p12q13)');
  await app.waitForVerdicts();
  const findings = page.getByTestId('teaching-guide').getByTestId('teaching-finding');
  await expect(findings).toHaveCount(3);
  const where: Record<string, string> = { '9': '9p12–q13', '11': '11q23–qter', '22': '22q11.2–qter' };
  const outcomes: string[] = [];
  for (const type of ['11', '22', '9']) {
    const finding = findings.filter({ has: page.getByRole('button', { name: `Show chromosome ${type}` }) });
    const card = await app.typeCard(type).getAttribute('data-verdict');
    const outcome = (await finding.getAttribute('data-outcome')) ?? '';
    outcomes.push(outcome);
    // The guide and the overview agree on what the model flagged.
    expect(outcome === 'flagged', `type ${type}: card ${card ?? ''}, guide ${outcome}`).toBe(
      card === 'abnormal',
    );
    const figures = String.raw`\(score \d\.\d\d, threshold \d\.\d\d\)`;
    await expect(finding).toHaveText(
      new RegExp(
        outcome === 'flagged'
          ? `^The model flagged ${type} ${figures}: this change is in ${where[type] ?? ''}; `
          : `^The model did not flag ${type} ${figures}: this change is in ${where[type] ?? ''}; .+ so HomNet can miss it\\.`,
      ),
    );
  }
  // At this seed the test model leaves at least one changed type unflagged: that sentence is checked above.
  expect(outcomes).toContain('not-flagged');
});
