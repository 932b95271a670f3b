# syntax=docker/dockerfile:1
# One image, two roles: the gateway (default command) and the reference backends (command
# override, see docker-compose.yml). The build stage type-checks and compiles with tsc; the
# runtime stage holds the compiled JavaScript, the SDL and contracts it reads, and production
# dependencies only, and runs as the unprivileged `node` user.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
# Reachable from outside the container; the admin listener stays on loopback unless ADMIN_HOST says
# otherwise (Kubernetes sets it to 0.0.0.0 so that probes reach the pod IP).
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
USER node
EXPOSE 4000
# Asked at the container's own address, not loopback: a gateway listening on loopback only fails it.
HEALTHCHECK --interval=10s --timeout=2s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://' + require('node:os').hostname() + ':' + (process.env.PORT || 4000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The heap limit keeps resident memory close to what is live (see README, Operations).
CMD ["node", "--max-old-space-size=384", "dist/src/main.js"]
