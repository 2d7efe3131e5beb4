#!/usr/bin/env node
// Validates a Teams app manifest against the official JSON schema (draft-04) that its
// manifestVersion names, as shipped in @microsoft/app-manifest. Exit 0 when valid, 1 when not, 2 on usage errors.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

const manifestPath = process.argv[2];
if (!manifestPath) fail(2, 'usage: node validate-manifest.js <path/to/manifest.json>');

let manifest;
try {
  manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
} catch (e) {
  fail(1, `${manifestPath}: not readable JSON: ${e.message}`);
}

// The schema is chosen by the version in $schema (https://.../teams/v1.30/MicrosoftTeams.schema.json),
// falling back to manifestVersion; the schema itself then checks that manifestVersion matches.
const fromSchemaUrl = typeof manifest.$schema === 'string' ? /\/teams\/(v[0-9.]+|vDevPreview)\//.exec(manifest.$schema) : null;
const version = fromSchemaUrl ? fromSchemaUrl[1] : (typeof manifest.manifestVersion === 'string' ? `v${manifest.manifestVersion}` : null);
if (!version) fail(1, `${manifestPath}: neither $schema nor manifestVersion names a schema version`);

const schemaDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const schemaPath = path.join(schemaDir, version, 'MicrosoftTeams.schema.json');
if (!fs.existsSync(schemaPath)) fail(1, `${manifestPath}: no official schema for ${version} in @microsoft/app-manifest`);

const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

if (validate(manifest)) {
  console.log(`${manifestPath}: valid against the Teams manifest schema ${version}`);
  process.exit(0);
}
for (const err of validate.errors) {
  console.error(`${manifestPath}: ${err.instancePath || '/'} ${err.message}${err.params ? ' ' + JSON.stringify(err.params) : ''}`);
}
process.exit(1);
