# Yufang (预防) server image: builds from the lockfile, runs as a non-root user.
# docker build -t yufang:0.1.0 .   (see docs/DEPLOYMENT.md; not built in this repository's CI)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the lockfile's versions; dev dependencies too (Vite builds the web UI).
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# pg_dump/pg_restore for `yufang backup|restore` (the server is PostgreSQL 15).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 tini chromium fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    TZ=Asia/Shanghai \
    YUFANG_WEB_DIR=/app/dist/web \
    YUFANG_UPLOAD_DIR=/var/lib/yufang/uploads \
    YUFANG_DATA_DIR=/var/lib/yufang/pglite
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# The image's code is read-only to the user the server runs as; only /var/lib/yufang is writable.
RUN mkdir -p /var/lib/yufang/uploads && chown -R node:node /var/lib/yufang
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# `docker run … yufang migrate` (as the owner role) before `docker run … yufang` (serve).
CMD ["node", "--import", "tsx", "src/cli.ts", "serve"]
