# syntax=docker/dockerfile:1
# One image, two roles: the gateway (default) and the reference backends (command override).
# Node 24 runs the TypeScript sources directly (type stripping), so the image ships sources and
# production dependencies only; `npm run build` (tsc) exists for platforms that want compiled JS.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node src ./src
COPY --chown=node:node clients ./clients
COPY --chown=node:node resolvers ./resolvers
COPY --chown=node:node schema ./schema
COPY --chown=node:node contracts ./contracts
COPY --chown=node:node backends ./backends
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=2s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/main.ts"]
