# The two commands of the README. Both install what they need first.
.PHONY: demo test build
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
build:
	bash scripts/build.sh
