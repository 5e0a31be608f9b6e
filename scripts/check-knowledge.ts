/**
 * Validates everything in knowledge/ with the schemas the bot uses, plus the cross-file rules
 * (placeholders, literal numbers, review dates, tags, validity dates, UNSURE figures). Exit code 1
 * names each problem; warnings (reviews and measures ending within 30 days, rates older than 45
 * days) are printed and do not fail.
 * Usage: npm run kb:check [-- --dir knowledge] [--today YYYY-MM-DD]
 */
import { resolve } from 'node:path';
import { checkKnowledge, knowledgeWarnings } from '../bot/core/knowledge/check';
import { formatIssues, loadKnowledge } from '../bot/core/knowledge/load';
import { loadTelegramTexts } from '../bot/adapters/telegram/texts';
import { loadConsoleTexts } from '../bot/adapters/console/console-texts';
import { loadWechatMenu, loadWechatTexts } from '../bot/adapters/wechat';
import { checkDeclarationKnowledge, declarationWarnings, loadDeclarationKnowledge } from '../bot/core/declaration';

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = resolve(arg('--dir') ?? 'knowledge');
  const today = arg('--today') ? new Date(`${arg('--today')}T00:00:00Z`) : new Date();
  const loaded = loadKnowledge(dir);
  const telegram = loadTelegramTexts(dir); // the Telegram UI phrases (adapter data, same rules)
  const consoleTexts = loadConsoleTexts(dir); // the coordinators' console in zh, en and ru (issue 14)
  const wechat = [loadWechatTexts(dir), loadWechatMenu(dir)].flatMap((r) => (r.ok ? [] : r.issues)); // WeChat phrases and menu
  const declaration = loadDeclarationKnowledge(dir); // rates, declaration classes and words (issue 5)
  const declarationIssues = !declaration.ok ? declaration.issues : loaded.ok ? checkDeclarationKnowledge(declaration.knowledge, loaded.bundle, today) : [];
  const issues = [...(loaded.ok ? checkKnowledge(loaded.bundle, today) : loaded.issues), ...(telegram.ok ? [] : telegram.issues), ...(consoleTexts.ok ? [] : consoleTexts.issues), ...wechat, ...declarationIssues];
  const warnings = [...(loaded.ok ? knowledgeWarnings(loaded.bundle, today) : []), ...(declaration.ok ? declarationWarnings(declaration.knowledge, today) : [])];
  if (warnings.length > 0) console.warn(`kb:check: ${warnings.length} warning(s):\n${formatIssues(warnings)}`);
  if (issues.length > 0) {
    console.error(`kb:check: ${issues.length} problem(s) in ${dir}:\n${formatIssues(issues)}`);
    return 1;
  }
  if (loaded.ok) {
    const b = loaded.bundle;
    console.log(`kb:check: ok — ${b.entries.length} entries × 3 languages, ${b.limits.values.size} limits, ${Object.keys(b.departments).length} departments${declaration.ok ? `, declaration check: ${Object.keys(declaration.knowledge.rates.rates).length} reference rates (${declaration.knowledge.rates.basis}) as of ${declaration.knowledge.rates.asOf}` : ''}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
