# syntax=docker/dockerfile:1
# Build stage: the same commands as the README (npm ci, npm run build), with dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
# scripts/ too: the CLIs (coordinator, backup, casebook:export) run in the image without tsx
COPY scripts ./scripts
RUN npm run build

# Production dependencies only (better-sqlite3 is a native addon, built here for this image).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# Runtime: non-root, data on a volume, health check on /readyz (knowledge indexed and storage
# writable: /healthz stays green on a read-only or full disk). CLIs: npm run prod:coordinator -- add NAME,
# npm run prod:backup -- --out /data/backup.sqlite (or node dist/scripts/<name>.js).
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data KNOWLEDGE_DIR=/app/knowledge
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY --chown=node:node knowledge ./knowledge
COPY bot/adapters/web/public ./bot/adapters/web/public
COPY bot/adapters/console/public ./bot/adapters/console/public
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/bot/main.js"]
