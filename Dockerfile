# The bot as a container: `docker build -t smm .` then
#   docker run -p 3978:3978 --env-file .env -v smm-data:/data smm
# Listening on 0.0.0.0 needs SMM_TEAMS_APP_ID (and password, tenant): without it /api/messages would accept
# unauthenticated requests, so `smm serve` refuses to start. A Slack-only deployment in Socket Mode can keep
# SMM_HOST=127.0.0.1.
FROM python:3.12-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY policy_data ./policy_data
RUN pip install --no-deps . && useradd --create-home --uid 10001 smm && mkdir -p /data && chown smm /data

USER smm
ENV SMM_HOST=0.0.0.0 \
    SMM_PORT=3978 \
    SMM_DATABASE_URL=sqlite:////data/smm.db
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:3978/healthz', timeout=4).status != 200)"
CMD ["smm", "serve"]
