# NetMetrics dashboard in a container. Build and run (see docs/deploy.md):
#   docker build -t netmetrics .
#   docker run -d --name netmetrics -p 8501:8501 -v netmetrics-data:/data netmetrics
# Secrets are never baked into the image: mount them at run time, read-only, e.g.
#   -v "$PWD/secrets.toml:/app/.streamlit/secrets.toml:ro"
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged user owns the app's runtime; root is only used to install.
RUN groupadd --system --gid 10001 netmetrics \
    && useradd --system --uid 10001 --gid netmetrics --create-home --home-dir /home/netmetrics netmetrics

WORKDIR /app

# Only what the app needs: no tests, no benchmarks, no data files, no secrets (see .dockerignore too).
# README.md is needed because pyproject.toml names it as the package's readme.
COPY pyproject.toml README.md ./
COPY netmetrics ./netmetrics
RUN pip install --no-cache-dir . && rm -rf build ./*.egg-info
COPY app.py ./
COPY pages ./pages
# Only the config file: .streamlit/secrets.toml is mounted at run time, never copied.
COPY .streamlit/config.toml ./.streamlit/config.toml

# All data lives on the volume /data:
#   NETMETRICS_DATA_DIR=/data holds admin.duckdb (workspaces and share links) and workspaces/<slug>.duckdb;
#   NETMETRICS_DB=/data/netmetrics.duckdb is the owner's database. A file named by NETMETRICS_DB starts
#   empty, without the demo data that only the default data/netmetrics.duckdb gets on its first start:
#   import your tracker on the Import page (or with the CLI while the dashboard is stopped).
ENV NETMETRICS_DATA_DIR=/data \
    NETMETRICS_DB=/data/netmetrics.duckdb
RUN mkdir -p /data && chown netmetrics:netmetrics /data
VOLUME /data

USER netmetrics

EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4)"]

CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
