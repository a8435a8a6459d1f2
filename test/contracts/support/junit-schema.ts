/**
 * The rules of the common JUnit schema CI tools validate against (the Jenkins xUnit
 * `junit-10.xsd`, with Ant's stricter element order and timestamp form), checked on a parsed
 * document: which attributes each element may and must carry, which children it may hold and
 * in what order. Returns every violation, so a test shows them all at once.
 */
import type { XmlElement } from './xml.js';

/** junit-10.xsd's SUREFIRE_TIME. */
const TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;
/** Ant's ISO8601_DATETIME_PATTERN: no fraction, no zone. */
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$/;
const COUNT = /^[0-9]+$/;

const ROOT_ATTRIBUTES = ['name', 'time', 'tests', 'failures', 'errors'];
const SUITE_ATTRIBUTES = ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'];
/** What the brief (and Ant) asks of every testsuite. */
const SUITE_REQUIRED = ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp', 'hostname'];
const CASE_ATTRIBUTES = ['name', 'time', 'classname', 'group'];
const CASE_CHILDREN = ['skipped', 'error', 'failure', 'system-out', 'system-err'];

/**
 * Every rule the document breaks, as `<path>: message` lines; empty when it conforms.
 *
 * @example
 * expect(junitViolations(parseXml(xml))).toEqual([]);
 */
export function junitViolations(root: XmlElement): string[] {
  const problems: string[] = [];
  const attributes = (el: XmlElement, where: string, allowed: string[], required: string[]) => {
    for (const name of Object.keys(el.attributes)) if (!allowed.includes(name)) problems.push(`${where}: attribute "${name}" is not in the schema`);
    for (const name of required) if (el.attributes[name] === undefined) problems.push(`${where}: attribute "${name}" is required`);
  };
  const matches = (el: XmlElement, where: string, name: string, pattern: RegExp) => {
    const value = el.attributes[name];
    if (value !== undefined && !pattern.test(value)) problems.push(`${where}: ${name}="${value}" does not match ${pattern}`);
  };
  const textOnly = (el: XmlElement, where: string) => {
    if (el.children.length > 0) problems.push(`${where}: <${el.name}> holds text only`);
  };

  if (root.name !== 'testsuites') problems.push(`/: the root is <${root.name}>, not <testsuites>`);
  attributes(root, '/testsuites', ROOT_ATTRIBUTES, []);
  matches(root, '/testsuites', 'time', TIME);
  for (const name of ['tests', 'failures', 'errors']) matches(root, '/testsuites', name, COUNT);
  if (root.text.trim() !== '') problems.push('/testsuites: text outside elements');

  root.children.forEach((suite, i) => {
    const where = `/testsuites/testsuite[${i}]`;
    if (suite.name !== 'testsuite') return void problems.push(`${where}: <${suite.name}> is not allowed under <testsuites>`);
    attributes(suite, where, SUITE_ATTRIBUTES, SUITE_REQUIRED);
    matches(suite, where, 'time', TIME);
    matches(suite, where, 'timestamp', TIMESTAMP);
    for (const name of ['tests', 'failures', 'errors', 'skipped']) matches(suite, where, name, COUNT);
    // Ant's order: properties, testcase*, system-out, system-err (junit-10 accepts any order).
    const names = suite.children.map((c) => c.name);
    const order = /^properties(,testcase)*,system-out,system-err$/;
    if (!order.test(names.join(','))) problems.push(`${where}: children are ${names.join(', ') || 'none'}; expected properties, testcase*, system-out, system-err`);
    const cases = suite.children.filter((c) => c.name === 'testcase');
    const count = (child: string) => cases.filter((c) => c.children.some((x) => x.name === child)).length;
    if (suite.attributes.tests !== String(cases.length)) problems.push(`${where}: tests="${suite.attributes.tests}" but ${cases.length} testcase(s)`);
    if (suite.attributes.failures !== String(count('failure'))) problems.push(`${where}: failures="${suite.attributes.failures}" but ${count('failure')} failing testcase(s)`);
    if (suite.attributes.errors !== String(count('error'))) problems.push(`${where}: errors="${suite.attributes.errors}" but ${count('error')} testcase(s) in error`);
    if (suite.attributes.skipped !== String(count('skipped'))) problems.push(`${where}: skipped="${suite.attributes.skipped}" but ${count('skipped')} skipped testcase(s)`);
    for (const child of suite.children) {
      const at = `${where}/${child.name}`;
      if (child.name === 'properties') {
        child.children.forEach((property, j) => {
          if (property.name !== 'property') problems.push(`${at}: <${property.name}> is not a <property>`);
          attributes(property, `${at}/property[${j}]`, ['name', 'value'], ['name', 'value']);
        });
      } else if (child.name === 'system-out' || child.name === 'system-err') textOnly(child, at);
    }
    cases.forEach((test, j) => {
      const at = `${where}/testcase[${j}]`;
      attributes(test, at, CASE_ATTRIBUTES, ['classname', 'name', 'time']);
      matches(test, at, 'time', TIME);
      for (const child of test.children) {
        if (!CASE_CHILDREN.includes(child.name)) problems.push(`${at}: <${child.name}> is not allowed in a testcase`);
        if (['failure', 'error', 'skipped'].includes(child.name)) attributes(child, `${at}/${child.name}`, ['message', 'type'], child.name === 'skipped' ? ['message'] : ['message', 'type']);
        textOnly(child, `${at}/${child.name}`);
      }
      if (test.children.filter((c) => ['failure', 'error', 'skipped'].includes(c.name)).length > 1) problems.push(`${at}: more than one outcome element`);
    });
  });
  const sum = (name: string) => root.children.reduce((n, s) => n + Number(s.attributes[name] ?? 0), 0);
  for (const name of ['tests', 'failures', 'errors']) {
    if (root.attributes[name] !== undefined && Number(root.attributes[name]) !== sum(name)) problems.push(`/testsuites: ${name}="${root.attributes[name]}" but the suites add up to ${sum(name)}`);
  }
  return problems;
}
