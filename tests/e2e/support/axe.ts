// Runs axe-core on what the admin sees right now and keeps every finding per screen, so one spec can
// walk the whole app in one theme and fail with a readable table of what is wrong and where.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { settle } from '../admin-screens-helpers';

/** WCAG 2.1 A/AA plus axe's best practices (headings, landmarks, regions). */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Moderate/minor rules that stay, each with the one-line reason. Serious and critical findings are
 * never accepted here.
 */
export const justifiedRules: Record<string, string> = {};

/** Collects axe findings screen by screen. */
export class AxeAudit {
  readonly findings: AxeFinding[] = [];

  constructor(private readonly page: Page) {}

  /** Analyses the whole document (dialogs and menus are teleported to the body, so they are included). */
  async check(screen: string): Promise<void> {
    // A tooltip half-way through its fade-in has no real colours yet: park the pointer on the rail's
    // logo (no tooltip there) and let transitions finish first.
    await this.page.mouse.move(4, 4);
    // A loading button fades its words out on purpose; audit the screen once it has loaded.
    await expect(this.page.locator('.v-btn--loading')).toHaveCount(0);
    // A tooltip still fading out after the pointer left has emptied its text but not yet gone.
    await expect(this.page.locator('.v-overlay.v-tooltip')).toHaveCount(0);
    await settle(this.page);
    const main = await new AxeBuilder({ page: this.page })
      .withTags(tags)
      .disableRules(['region'])
      .analyze();
    // Vuetify teleports popups (menus, tooltips) to its overlay container after the landmarks; each
    // is tied to its activator (aria-controls / aria-describedby), so "region" looks at the page only.
    const regions = await new AxeBuilder({ page: this.page })
      .withRules(['region'])
      .exclude('.v-overlay-container')
      .analyze();
    const unnamed = await unnamedTables(this.page);
    if (unnamed.length) {
      this.findings.push({
        screen,
        rule: 'table-name',
        impact: 'serious',
        help: 'Tables must have a caption or a label (aria-label / aria-labelledby)',
        targets: unnamed,
      });
    }
    for (const violation of [...main.violations, ...regions.violations]) {
      this.findings.push({
        screen,
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        // The selector, the element's opening tag and axe's reason (e.g. the measured contrast).
        targets: violation.nodes.map(
          (node) =>
            `${node.target.join(' ')}\n      ${node.html.slice(0, 240)}\n      ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`,
        ),
      });
    }
  }

  /** Findings that must be fixed: every serious/critical one, and moderate/minor ones not justified. */
  blocking(): AxeFinding[] {
    return this.findings.filter(
      (finding) =>
        finding.impact === 'serious' ||
        finding.impact === 'critical' ||
        !(finding.rule in justifiedRules),
    );
  }

  /** "rule | impact | elements | screens" rows, as the issue measures them. */
  table(): string {
    const rows = new Map<string, { impact: string; elements: number; screens: Set<string> }>();
    for (const finding of this.findings) {
      const row = rows.get(finding.rule) ?? {
        impact: finding.impact,
        elements: 0,
        screens: new Set<string>(),
      };
      row.elements += finding.targets.length;
      row.screens.add(finding.screen);
      rows.set(finding.rule, row);
    }
    const lines = ['| rule | impact | elements | screens |', '|---|---|---|---|'];
    for (const [rule, row] of rows) {
      lines.push(`| ${rule} | ${row.impact} | ${row.elements} | ${[...row.screens].join(', ')} |`);
    }
    return lines.join('\n');
  }

  /** Every finding with its elements, for the failure message. */
  details(findings: AxeFinding[]): string {
    return findings
      .map((f) => `${f.screen}: ${f.rule} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`)
      .join('\n');
  }
}

/** Opens something with `open`, audits it once it stands still, then closes it with Escape. */
export async function auditOverlay(
  page: Page,
  audit: AxeAudit,
  screen: string,
  open: () => Promise<void>,
  shown: Locator,
): Promise<void> {
  await open();
  await expect(shown).toBeVisible();
  await settle(page);
  await audit.check(screen);
  await page.keyboard.press('Escape');
  await expect(shown).toBeHidden();
}

/**
 * The issue's own rule, which axe has no check for: every table and grid the admin can see is named
 * (a caption, aria-label or aria-labelledby pointing at text). Answers the unnamed ones' openings.
 */
async function unnamedTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (element: Element): boolean => {
      if (element instanceof HTMLTableElement && element.caption?.textContent?.trim()) return true;
      if (element.getAttribute('aria-label')?.trim()) return true;
      const ids = element.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      return ids.some((id) => document.getElementById(id)?.textContent?.trim());
    };
    return [...document.querySelectorAll('table, [role="table"], [role="grid"], [role="treegrid"]')]
      .filter((element) => (element as HTMLElement).offsetParent !== null && !named(element))
      .map((element) => element.outerHTML.slice(0, 200));
  });
}
