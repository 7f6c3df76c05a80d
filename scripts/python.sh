# Sourced by the test and bench scripts: a Python environment in target/py
# with the pinned tools of scripts/requirements-test.txt, and
# VOORUIT_TEST_PYTHON pointing at its interpreter.
vooruit_python_setup() {
  local dir="target/py"
  if ! command -v python3 >/dev/null; then
    echo "== installing python3"
    apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null
  fi
  if [ ! -x "$dir/bin/python" ] || ! cmp -s scripts/requirements-test.txt "$dir/requirements.txt"; then
    echo "== installing Python test tools into $dir"
    rm -rf "$dir"
    if ! python3 -m venv "$dir" 2>/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$dir"
    fi
    "$dir/bin/python" -m pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
    cp scripts/requirements-test.txt "$dir/requirements.txt"
  fi
  VOORUIT_TEST_PYTHON="$(pwd)/$dir/bin/python"
  export VOORUIT_TEST_PYTHON
}
vooruit_python_setup
