import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import type { ClientDocuments } from './document-set.ts';
import { documentsOf, type TrustedDocument } from './manifest.ts';
import { isInForce, type PolicyException } from './policy.ts';
import { documentUsage, type DocumentUsage } from './coordinates.ts';
import type { SurfaceTarget } from './surface-target.ts';
import { verifyDocument } from './verify-document.ts';

/** One way a schema change breaks one document of one client release. */
export interface GateFinding {
  client: string;
  version: string;
  operation: string;
  /** The schema coordinate of the change (`ProductCard.priceLabel`), or `validation` / `limits`. */
  coordinate: string;
  /** What changed and why it breaks the document. */
  change: string;
  /** The exception that excuses it, when one is in force. */
  exception?: PolicyException | undefined;
  /** An exception that matched but has expired (it no longer excuses). */
  expired?: PolicyException | undefined;
}

/** What the gate found for one surface. */
export interface GateResult {
  /** Schema changes found, by inspector criticality. */
  changes: Change[];
  /** Findings that fail the gate. */
  breaks: GateFinding[];
  /** Findings excused by an exception in force. */
  excused: GateFinding[];
  /** Supported releases checked, `client version`. */
  checked: string[];
  /** Retired releases not checked, `client version`. */
  retired: string[];
}

/** What the gate compares. */
export interface GateInput {
  /** The surface's schema before the change; undefined when there is none to compare with (validation only). */
  before: GraphQLSchema | undefined;
  /** The surface after the change: schema and limits. */
  after: SurfaceTarget;
  clients: readonly ClientDocuments[];
  /** `YYYY-MM-DD` (UTC): exceptions expiring before it no longer excuse. */
  today: string;
}

/**
 * The schema-change gate for one surface: classifies the changes with GraphQL Inspector, then
 * checks every document of every supported client release. A document breaks when it is invalid
 * against the new schema or over the surface's limits, when a breaking change touches what it
 * uses, or when a change validation does not see breaks it at run time: an output field's type
 * changed (nullability loosened included), enum values, union members or interface implementations
 * added to an output it selects, a default changed for an argument it leaves out or an input it
 * sends. Retired releases are not checked; a finding an exception covers is excused until it expires.
 */
export async function checkSchemaChange(input: GateInput): Promise<GateResult> {
  const changes = input.before ? (await diff(input.before, input.after.schema)).filter((c) => !c.type.startsWith('DIRECTIVE')) : [];
  const result: GateResult = { changes, breaks: [], excused: [], checked: [], retired: [] };
  for (const client of input.clients) {
    for (const release of client.releases.values()) {
      const label = `${client.name} ${release.version}`;
      if (!release.supported) {
        result.retired.push(label);
        continue;
      }
      result.checked.push(label);
      for (const document of documentsOf(release.documents)) {
        for (const finding of documentFindings(input, changes, document)) {
          const found = { client: client.name, version: release.version, operation: document.operationName, ...finding };
          const covering = client.policy.exceptions.filter((e) => covers(e, found));
          const exception = covering.find((e) => isInForce(e, input.today));
          if (exception) result.excused.push({ ...found, exception });
          else result.breaks.push({ ...found, expired: covering[0] });
        }
      }
    }
  }
  return result;
}

function documentFindings(input: GateInput, changes: readonly Change[], document: TrustedDocument): { coordinate: string; change: string }[] {
  const findings: { coordinate: string; change: string }[] = [];
  if (input.before) {
    let usage: DocumentUsage | undefined;
    try {
      usage = documentUsage(input.before, document.text);
    } catch {
      usage = undefined;
    }
    for (const change of changes) {
      const why = usage && breakage(change, usage);
      if (why) findings.push({ coordinate: change.path ?? change.type, change: `${change.message} (${why})` });
    }
  }
  const verdict = verifyDocument(input.after, document);
  // A change found above already explains the validation errors it causes.
  if (findings.length === 0) for (const problem of verdict.invalid) findings.push({ coordinate: 'validation', change: `invalid against the new schema: ${problem}` });
  for (const problem of verdict.overLimits) findings.push({ coordinate: 'limits', change: problem });
  return findings;
}

/** Why a change breaks a document using `usage`, or null when it does not. */
function breakage(change: Change, usage: DocumentUsage): string | null {
  const meta = change.meta as Record<string, unknown>;
  const [type = '', field, argument] = (change.path ?? '').split('.');
  switch (change.type) {
    case 'ENUM_VALUE_ADDED':
      return usage.outputTypes.has(String(meta.enumName)) ? 'a value the client cannot know, in an output it selects' : null;
    case 'UNION_MEMBER_ADDED':
      return usage.outputTypes.has(String(meta.unionName)) ? 'a member the client cannot know, in an output it selects' : null;
    case 'OBJECT_TYPE_INTERFACE_ADDED':
      return usage.outputTypes.has(String(meta.addedInterfaceName)) ? 'an implementation the client cannot know, in an output it selects' : null;
    case 'FIELD_ARGUMENT_DEFAULT_CHANGED':
      return usage.fields.has(`${type}.${field}`) && !usage.literalArguments.has(`${type}.${field}.${argument}`) ? 'the document relies on the default' : null;
    case 'INPUT_FIELD_DEFAULT_VALUE_CHANGED':
      return usage.inputTypes.has(String(meta.inputName)) ? 'the document sends this input and may rely on the default' : null;
    case 'FIELD_TYPE_CHANGED':
      if (!usage.fields.has(`${type}.${field}`) || meta.isSafeFieldTypeChange === true) return null;
      return loosened(String(meta.oldFieldType), String(meta.newFieldType)) ? 'output field made nullable: the client does not expect null' : 'the document selects it';
    default:
      break;
  }
  if (change.criticality.level !== CriticalityLevel.Breaking) return null;
  if (argument !== undefined) {
    if (!usage.fields.has(`${type}.${field}`)) return null;
    return change.type === 'FIELD_ARGUMENT_ADDED' ? 'required argument added: the document does not send it' : 'the document selects the field';
  }
  if (field !== undefined) {
    if (usage.fields.has(`${type}.${field}`)) return 'the document selects it';
    if (usage.inputTypes.has(type)) return change.type === 'INPUT_FIELD_ADDED' ? 'required input field added to an input the document sends' : 'the document sends this input';
    return change.type.startsWith('ENUM_VALUE') && usage.outputTypes.has(type) ? 'the document reads this enum' : null;
  }
  return usage.outputTypes.has(type) || usage.inputTypes.has(type) ? 'the document uses this type' : null;
}

/** Whether only nullability was loosened: the same type with fewer non-null markers. */
function loosened(before: string, after: string): boolean {
  return before.replaceAll('!', '') === after.replaceAll('!', '') && after.split('!').length < before.split('!').length;
}

function covers(exception: PolicyException, finding: Pick<GateFinding, 'version' | 'operation' | 'coordinate'>): boolean {
  const coordinateMatches = finding.coordinate === exception.coordinate || finding.coordinate.startsWith(`${exception.coordinate}.`);
  return coordinateMatches && (!exception.versions || exception.versions.includes(finding.version)) && (!exception.operation || exception.operation === finding.operation);
}
