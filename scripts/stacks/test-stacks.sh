#!/usr/bin/env bash
# Placeholder until the stacks harness lands.
echo "Aucune stack à tester pour l'instant."
