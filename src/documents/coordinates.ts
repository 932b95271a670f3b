import {
  getNamedType,
  isInputObjectType,
  Kind,
  parse,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** What a document touches in a schema, by schema coordinate. */
export interface DocumentUsage {
  /** Selected fields, `Type.field` (the type as the document selects it). */
  fields: Set<string>;
  /** Arguments given, `Type.field(arg:)`. */
  arguments: Set<string>;
  /** Arguments given a literal value (not a variable), `Type.field.arg`. */
  literalArguments: Set<string>;
  /** Named types the document reads: selected fields' types and type conditions. */
  outputTypes: Set<string>;
  /** Named types the document sends: variables' and arguments' types, through input fields. */
  inputTypes: Set<string>;
}

/** Reads which coordinates of `schema` a document uses (the document must be valid against it). */
export function documentUsage(schema: GraphQLSchema, text: string): DocumentUsage {
  const usage: DocumentUsage = { fields: new Set(), arguments: new Set(), literalArguments: new Set(), outputTypes: new Set(), inputTypes: new Set() };
  const addInput = (type: GraphQLNamedType): void => {
    if (usage.inputTypes.has(type.name)) return;
    usage.inputTypes.add(type.name);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) addInput(getNamedType(field.type));
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    parse(text),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const definition = typeInfo.getFieldDef();
        if (!parent || !definition || node.name.value.startsWith('__')) return;
        usage.fields.add(`${parent.name}.${definition.name}`);
        usage.outputTypes.add(getNamedType(definition.type).name);
        for (const argument of node.arguments ?? []) {
          usage.arguments.add(`${parent.name}.${definition.name}(${argument.name.value}:)`);
          if (argument.value.kind !== Kind.VARIABLE) usage.literalArguments.add(`${parent.name}.${definition.name}.${argument.name.value}`);
          const argumentDefinition = definition.args.find((a) => a.name === argument.name.value);
          if (argumentDefinition) addInput(getNamedType(argumentDefinition.type));
        }
      },
      InlineFragment(node) {
        if (node.typeCondition) usage.outputTypes.add(node.typeCondition.name.value);
      },
      FragmentDefinition(node) {
        usage.outputTypes.add(node.typeCondition.name.value);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type) addInput(getNamedType(type));
      },
    }),
  );
  return usage;
}
