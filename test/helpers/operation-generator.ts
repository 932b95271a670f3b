import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Random } from '../../backends/data/random.ts';

/** One generated operation. */
export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** Shape of the generated operations. */
export interface GeneratorOptions {
  /** Deepest field nesting (keep it under the surface's depth limit). */
  maxDepth: number;
  /** Most fields in one operation (keeps documents under the token limit). */
  maxFields: number;
  /** Ids the dataset holds, by root field argument: e.g. `{ product: () => 'p7' }`. */
  ids: Record<string, () => string>;
}

const WORDS = ['a', 'e', 'pro', 'lamp', 'x', 'o'];

/**
 * Random valid queries over a schema: random fields at each level (through inline and named
 * fragments, with aliases now and then), arguments in their documented ranges ("1 to 100"
 * in the argument's description), page sizes often passed as variables.
 */
export function generateOperation(schema: GraphQLSchema, random: Random, options: GeneratorOptions): GeneratedOperation {
  const variables: Record<string, unknown> = {};
  const variableDefinitions: string[] = [];
  const fragments: string[] = [];
  let fields = 0;
  let aliases = 0;

  const argumentValue = (field: GraphQLField<unknown, unknown>, argument: GraphQLArgument): string | undefined => {
    const type = getNamedType(argument.type);
    const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
    if (!required && random.next() < 0.4) return undefined;
    const range = /(\d+) to (\d+)/.exec(argument.description ?? '');
    if (argument.name === 'id') return JSON.stringify(options.ids[field.name]?.() ?? 'p1');
    if (argument.name === 'text') return JSON.stringify(random.pick(WORDS));
    if (argument.name === 'after') return undefined;
    if (isEnumType(type)) return random.pick(type.getValues()).name;
    if (isInputObjectType(type)) return random.next() < 0.5 ? `{ text: ${JSON.stringify(random.pick(WORDS))} }` : `{ categoryId: "c${random.int(1, 20)}" }`;
    if (type.name === 'Int' && range) {
      const value = random.int(Number(range[1]), Number(range[2]));
      if (random.next() < 0.5) {
        const name = `v${variableDefinitions.length}`;
        variableDefinitions.push(`$${name}: Int`);
        variables[name] = value;
        return `$${name}`;
      }
      return String(value);
    }
    return required ? '"x"' : undefined;
  };

  const selection = (type: GraphQLObjectType, depth: number): string => {
    const candidates = Object.values(type.getFields()).filter((f) => depth < options.maxDepth || !isObjectType(getNamedType(f.type)));
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    const count = random.int(1, Math.min(4, candidates.length));
    while (chosen.size < count) chosen.add(random.pick(candidates));
    const parts: string[] = [];
    for (const field of chosen) {
      if (fields >= options.maxFields && parts.length > 0) break;
      fields += 1;
      const args = field.args.flatMap((a) => {
        const value = argumentValue(field, a);
        return value === undefined ? [] : [`${a.name}: ${value}`];
      });
      const named = getNamedType(field.type);
      const alias = aliases < 5 && random.next() < 0.1 ? `x${aliases++}: ` : '';
      const inner = isObjectType(named) ? ` { ${selection(named, depth + 1)} }` : '';
      let part = `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${inner}`;
      const wrap = random.next();
      if (wrap < 0.1) part = `... on ${type.name} { ${part} }`;
      else if (wrap < 0.2) {
        const name = `F${fragments.length}`;
        fragments.push(`fragment ${name} on ${type.name} { ${part} }`);
        part = `...${name}`;
      }
      parts.push(part);
    }
    return parts.join(' ');
  };

  const root = schema.getQueryType() as GraphQLObjectType;
  const body = selection(root, 1);
  const header = variableDefinitions.length ? `(${variableDefinitions.join(', ')})` : '';
  return { query: `query Generated${header} { ${body} } ${fragments.join(' ')}`.trim(), variables };
}
