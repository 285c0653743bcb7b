# aksc's container image: only the static, stripped aksc, on an empty base. Used by the
# pre-commit hook aksc-docker (.pre-commit-hooks.yaml), and by hand:
#   docker build -t aksc .
#   docker run --rm -v "$PWD:/src" aksc lint .
# The build stage's commands are scripts/docker-build-stage.sh, which the tests check.
FROM debian:bookworm AS build
COPY . /aksc-source
RUN /aksc-source/scripts/docker-build-stage.sh /out

FROM scratch
COPY --from=build /out/aksc /aksc
WORKDIR /src
ENTRYPOINT ["/aksc"]
