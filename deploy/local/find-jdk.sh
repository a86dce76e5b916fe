# Sourced by deploy/local/up and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at JAVA_HOME, the java on PATH, then the usual install folders; stops with a clear message.
_hrloop_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
_hrloop_try_jdk() {
  local home="$1" major
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  major=$(_hrloop_java_major "$home")
  [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null || return 1
  export JAVA_HOME="$home"
}
_hrloop_find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && _hrloop_try_jdk "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    _hrloop_try_jdk "$candidate" && return 0
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && _hrloop_try_jdk "$candidate" && return 0
  done
  echo "HR Loop needs a JDK 21 or newer and found none (JAVA_HOME=${JAVA_HOME:-unset})." >&2
  echo "Install one (for example Temurin 21) and set JAVA_HOME to it." >&2
  return 1
}
_hrloop_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
