# A small image that runs tadqiq: the release binary is built in the Rust
# image, then copied alone into Debian slim (the gazetteer is embedded in it).
#   docker build -t tadqiq .
#   docker run --rm -v "$PWD:/work" tadqiq check drafts/
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
    && install -m 0755 target/release/tadqiq /usr/local/bin/tadqiq

FROM debian:bookworm-slim
COPY --from=build /usr/local/bin/tadqiq /usr/local/bin/tadqiq
# The compiled-gazetteer cache goes to a folder the unprivileged user owns.
RUN useradd --create-home --uid 10001 tadqiq
USER tadqiq
ENV TADQIQ_CACHE_DIR=/home/tadqiq/.cache/tadqiq
WORKDIR /work
ENTRYPOINT ["tadqiq"]
CMD ["--help"]
