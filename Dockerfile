# Production image: compiled build, production dependencies only, non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json .swcrc ./
COPY src ./src
COPY migrations ./migrations
RUN npx nest build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Liberation Serif 2.x: the Times-metric serif of signed documents (Nghị định 30/2020), with Vietnamese.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-liberation2 && rm -rf /var/lib/apt/lists/*
# SANDBOX=off: no sandbox is ever loaded; the service refuses to start until every national system is configured.
ENV NODE_ENV=production SANDBOX=off PORT=3000 DATA_DIR=/var/lib/tro-cap-that-nghiep
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY templates ./templates
RUN mkdir -p "$DATA_DIR" && chown node:node "$DATA_DIR"
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--heap-growing-percent=50", "dist/src/main.js"]
