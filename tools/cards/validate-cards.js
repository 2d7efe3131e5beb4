#!/usr/bin/env node
// Checks Adaptive Card JSON with the official Adaptive Cards library, plus the rules Teams and ConcernBot add.
// Usage: node validate-cards.js <folder of *.json cards>   or   node validate-cards.js < card.json
// Prints a JSON report; exits 1 if any card has an error, 2 if the input cannot be read.
'use strict';

const fs = require('fs');
const path = require('path');

// The package's main entry fails on Node 20; the bundled build works without a DOM.
const AC = require('adaptivecards/dist/adaptivecards.js');

const TEAMS_MAX_VERSION = 1.5;
const MAX_CARD_BYTES = 80 * 1024;
// Hints and deprecations are worth seeing but do not stop a card from rendering.
const WARNING_EVENTS = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function libraryFindings(card) {
  const findings = [];
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_6);
  adaptiveCard.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    findings.push(context.getEventAt(i));
  }
  findings.push(...adaptiveCard.validateProperties().validationEvents);
  return findings.map((e) => ({
    severity: WARNING_EVENTS.has(e.event) ? 'warning' : 'error',
    source: 'adaptivecards',
    rule: AC.ValidationEvent[e.event] || String(e.event),
    message: e.message,
  }));
}

function nonEmpty(value) {
  return typeof value === 'string' && value.trim().length > 0;
}

// Walks every object in the card; `where` is a readable JSON path for the report.
function walk(node, where, visit) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, `${where}[${i}]`, visit));
  } else if (node && typeof node === 'object') {
    visit(node, where);
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'data') walk(child, `${where}.${key}`, visit); // action data is the bot's, not the card's
    }
  }
}

function ownFindings(card, bytes) {
  const findings = [];
  const error = (rule, message) => findings.push({ severity: 'error', source: 'concernbot', rule, message });

  if (card === null || typeof card !== 'object' || Array.isArray(card) || card.type !== 'AdaptiveCard') {
    error('NotACard', 'The top level must be an object with "type": "AdaptiveCard".');
    return findings;
  }
  const version = Number.parseFloat(card.version);
  if (!nonEmpty(card.version) || Number.isNaN(version)) {
    error('MissingVersion', 'The card has no "version".');
  } else if (version > TEAMS_MAX_VERSION) {
    error('VersionTooNew', `Version ${card.version} is newer than ${TEAMS_MAX_VERSION}, the newest Teams renders.`);
  }
  if (bytes >= MAX_CARD_BYTES) {
    error('TooLarge', `The card is ${bytes} bytes; it must be under ${MAX_CARD_BYTES}.`);
  }

  const inputIds = new Map();
  walk(card, '$', (node, where) => {
    if (typeof node.type !== 'string') return;
    if (node.type === 'Image') {
      if (!nonEmpty(node.url)) error('ImageWithoutUrl', `${where}: an Image needs a "url".`);
      if (!nonEmpty(node.altText)) error('ImageWithoutAltText', `${where}: an Image needs "altText" for screen readers.`);
    } else if (node.type === 'TextBlock') {
      if (!nonEmpty(node.text)) error('TextBlockWithoutText', `${where}: a TextBlock needs "text".`);
    } else if (node.type.startsWith('Input.')) {
      if (!nonEmpty(node.label)) error('InputWithoutLabel', `${where}: an ${node.type} needs a "label".`);
      if (!nonEmpty(node.id)) {
        error('InputWithoutId', `${where}: an ${node.type} needs an "id".`);
      } else if (inputIds.has(node.id)) {
        error('DuplicateInputId', `${where}: input id "${node.id}" is also used at ${inputIds.get(node.id)}.`);
      } else {
        inputIds.set(node.id, where);
      }
    }
  });
  return findings;
}

function checkCard(name, text) {
  const bytes = Buffer.byteLength(text, 'utf8');
  let card;
  try {
    card = JSON.parse(text);
  } catch (e) {
    return { name, bytes, errors: [{ source: 'json', rule: 'InvalidJson', message: e.message }], warnings: [] };
  }
  const own = ownFindings(card, bytes);
  const library = own.some((f) => f.rule === 'NotACard') ? [] : libraryFindings(card);
  const all = [...library, ...own];
  const strip = ({ severity, ...rest }) => rest;
  return {
    name,
    bytes,
    errors: all.filter((f) => f.severity === 'error').map(strip),
    warnings: all.filter((f) => f.severity === 'warning').map(strip),
  };
}

function readInputs(args) {
  if (args.length === 0) {
    return [{ name: '<stdin>', text: fs.readFileSync(0, 'utf8') }];
  }
  const inputs = [];
  for (const arg of args) {
    const stat = fs.statSync(arg);
    const files = stat.isDirectory()
      ? fs.readdirSync(arg).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(arg, f))
      : [arg];
    for (const file of files) inputs.push({ name: path.basename(file), text: fs.readFileSync(file, 'utf8') });
  }
  return inputs;
}

function main() {
  let inputs;
  try {
    inputs = readInputs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`validate-cards: cannot read the cards: ${e.message}\n`);
    process.exit(2);
  }
  if (inputs.length === 0) {
    process.stderr.write('validate-cards: no *.json card files found.\n');
    process.exit(2);
  }
  const cards = inputs.map(({ name, text }) => checkCard(name, text));
  const errorCount = cards.reduce((n, c) => n + c.errors.length, 0);
  const warningCount = cards.reduce((n, c) => n + c.warnings.length, 0);
  process.stdout.write(JSON.stringify({ cardCount: cards.length, errorCount, warningCount, cards }, null, 2) + '\n');
  process.exit(errorCount > 0 ? 1 : 0);
}

main();
