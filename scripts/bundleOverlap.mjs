// The build's rule for modules that land in more than one extension-host bundle (scripts/build.mjs runs it on esbuild's
// metafiles; test/unit/build/bundleOverlap.test.ts tests it).
//
// Why: dist/extension.js, the lazy bundles it requires (dist/azure.js, dist/yaml.js) and the sandbox's dist/emulator.js
// all run in one extension host, and each bundle carries its OWN copy of every module it bundles. A module with
// module-level state that sits in two bundles is two states: src/log.ts in two bundles was two "Foundry Network"
// output channels, of which "Show Log" showed one and disposeLog disposed one. So a module may sit in two bundles only
// when SHARED_MODULES names it, with the reason it is safe; stateful modules live in one bundle, and the others
// receive what they need (the log channel is passed to the lazy bundles). For an allowed src module the build also
// reads its top level: a `let`/`var`, or a `const` holding a `new` object (a Map, a cache, an emitter), that its entry
// does not name fails the build, so state added later to a shared module is caught too.
import ts from 'typescript';

/**
 * Modules allowed in several bundles: module (esbuild's input path) → why two copies are harmless. `state` names the
 * top-level variables a reviewer found harmless to duplicate.
 */
export const SHARED_MODULES = {
  'src/config.ts': { reason: 'reads the settings on every call; holds nothing' },
  'src/displayLanguage.ts': { reason: "configures the calling bundle's own @vscode/l10n copy; holds nothing" },
  'src/wizards/ids.ts': { reason: 'constant tables of wizard ids and commands' },
  'src/tree/viewIds.ts': { reason: 'constant ids' },
  'src/settings/signInSettings.ts': { reason: 'pure resolution of the sign-in settings from inspect() values' },
  'src/model/armIds.ts': { reason: 'pure parsing of ARM resource ids' },
  'src/model/printable.ts': { reason: 'pure escaping of text for terminals, logs and scripts' },
  'src/model/azScript.ts': {
    reason: 'pure quoting and rendering of az script lines; UTF8 is a stateless TextEncoder',
    state: ['UTF8'],
  },
  'src/model/reservedRanges.ts': { reason: 'the constant table of reserved ranges' },
  'src/model/ipRules.ts': {
    reason: 'pure parsing; scanEnd is a scratch register written and read within one synchronous call',
    state: ['scanEnd'],
  },
  'node_modules/@vscode/l10n/dist/main.js': {
    reason: 'each bundle configures its own copy on load (useDisplayLanguage), so every copy speaks the same language',
  },
  'node_modules/tslib/tslib.es6.mjs': { reason: 'stateless TypeScript helpers' },
  'node_modules/ipaddr.js/lib/ipaddr.js': { reason: 'stateless address parsing' },
};

/** bundle name → its input modules (keys of esbuild's metafile.inputs) ⇒ module → the bundles that hold it, if two or more. */
export function modulesInSeveralBundles(inputsByBundle) {
  const bundlesOf = new Map();
  for (const [bundle, inputs] of Object.entries(inputsByBundle)) {
    for (const input of inputs) {
      // esbuild's virtual modules (e.g. "<define:...>") and JSON data have no state of their own to duplicate.
      if (input.startsWith('<') || input.endsWith('.json')) continue;
      bundlesOf.set(input, [...(bundlesOf.get(input) ?? []), bundle]);
    }
  }
  return new Map([...bundlesOf].filter(([, bundles]) => bundles.length > 1));
}

/**
 * The names of a module's top-level mutable state: `let`/`var` declarations, `const`s initialized with `new`, and a
 * class's static fields that are not readonly (as `Class.field`).
 */
export function topLevelState(sourceText, fileName = 'module.ts') {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.ES2022, false);
  const names = [];
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement)) names.push(...staticFieldsOf(statement, source));
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
      const initializer = declaration.initializer && skipWrappers(declaration.initializer);
      if (!isConst || (initializer && ts.isNewExpression(initializer))) names.push(declaration.name.getText(source));
    }
  }
  return names;
}

function staticFieldsOf(declaration, source) {
  const modifiers = (member) => (member.modifiers ?? []).map((modifier) => modifier.kind);
  return declaration.members
    .filter((member) => ts.isPropertyDeclaration(member))
    .filter((member) => modifiers(member).includes(ts.SyntaxKind.StaticKeyword))
    .filter((member) => !modifiers(member).includes(ts.SyntaxKind.ReadonlyKeyword))
    .map((member) => `${declaration.name?.getText(source) ?? 'class'}.${member.name.getText(source)}`);
}

/** `new Map() as X`, `(new Set())`, `new Map()!`: the object inside. */
function skipWrappers(node) {
  while (
    ts.isAsExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node)
  )
    node = node.expression;
  return node;
}

/**
 * The problems of a build, one sentence each (empty when the rule holds). `readSource(module)` gives an allowed src
 * module's text, so its top level can be read.
 */
export function bundleOverlapProblems(inputsByBundle, readSource, shared = SHARED_MODULES) {
  const problems = [];
  for (const [module, bundles] of modulesInSeveralBundles(inputsByBundle)) {
    const allowed = shared[module];
    if (!allowed) {
      problems.push(
        `${module} is bundled into ${bundles.join(', ')}: each bundle gets its own copy of its module-level state. ` +
          `Keep it in one bundle and pass what the others need, or name it in SHARED_MODULES (scripts/bundleOverlap.mjs) with why two copies are harmless.`,
      );
      continue;
    }
    if (!module.startsWith('src/')) continue;
    const unreviewed = topLevelState(readSource(module), module).filter(
      (name) => !(allowed.state ?? []).includes(name),
    );
    if (unreviewed.length > 0) {
      problems.push(
        `${module} is bundled into ${bundles.join(', ')} and has module-level state (${unreviewed.join(', ')}): ` +
          `each bundle would hold its own. Move the state to one bundle, or name it in its SHARED_MODULES entry with why it is harmless.`,
      );
    }
  }
  return problems;
}
