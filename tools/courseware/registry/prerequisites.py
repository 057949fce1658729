"""The prerequisite graph of modules: cycles, closure and an order that respects it.

Kept apart from loading because three callers need the same graph answers: module checks
(cycles), track checks (order, missing prerequisites) and ``courseware assemble`` (filling
in prerequisites and ordering the result).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

Graph = Mapping[str, Sequence[str]]
"""Module id to the ids of its prerequisites (unknown ids are allowed and ignored)."""


def find_cycles(graph: Graph) -> list[tuple[str, ...]]:
    """Return each prerequisite cycle once, as the ids along it, starting at the smallest.

    A cycle ``("a", "b")`` means a needs b and b needs a; print it as ``a → b → a``.
    """
    cycles = []
    for component in _strong_components(graph):
        start = min(component)
        members = set(component)
        if len(members) == 1 and start not in graph.get(start, ()):
            continue
        path = _path_back(graph, start, members)
        if path:
            cycles.append(tuple(path))
    return sorted(cycles)


def format_cycle(cycle: Sequence[str]) -> str:
    """Render a cycle as ``a → b → a``."""
    return " → ".join([*cycle, cycle[0]])


def _strong_components(graph: Graph) -> list[list[str]]:
    """Tarjan's algorithm, iterative so a long chain of modules cannot exhaust the stack."""
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index_of:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child_index = work.pop()
            if child_index == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = [c for c in graph.get(node, ()) if c in graph]
            if child_index < len(children):
                work.append((node, child_index + 1))
                child = children[child_index]
                if child not in index_of:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index_of[child])
                continue
            if low[node] == index_of[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def _path_back(graph: Graph, start: str, members: set[str]) -> list[str]:
    """A shortest path from ``start`` back to itself inside one strong component."""
    frontier: list[list[str]] = [[start]]
    seen = {start}
    while frontier:
        next_frontier = []
        for path in frontier:
            for child in sorted(graph.get(path[-1], ())):
                if child == start:
                    return path
                if child in members and child not in seen:
                    seen.add(child)
                    next_frontier.append([*path, child])
        frontier = next_frontier
    return []


def with_prerequisites(ids: Iterable[str], graph: Graph) -> list[str]:
    """Return ``ids`` plus every prerequisite they need, directly or not (known ids only)."""
    result: list[str] = []
    seen: set[str] = set()
    pending = list(ids)
    while pending:
        current = pending.pop(0)
        if current in seen:
            continue
        seen.add(current)
        result.append(current)
        pending += [p for p in graph.get(current, ()) if p in graph and p not in seen]
    return result


def order_by_prerequisites(ids: Sequence[str], graph: Graph) -> list[str]:
    """Order ``ids`` so that each comes after its prerequisites among ``ids``.

    The order is stable: of the modules whose prerequisites are placed, the one given first
    goes next, so an educator's order survives wherever it is already valid. Modules caught
    in a cycle keep their given order at the end.
    """
    chosen = list(dict.fromkeys(ids))
    members = set(chosen)
    placed: list[str] = []
    done: set[str] = set()
    remaining = chosen[:]
    while remaining:
        for candidate in remaining:
            needs = [p for p in graph.get(candidate, ()) if p in members and p != candidate]
            if all(p in done for p in needs):
                placed.append(candidate)
                done.add(candidate)
                remaining.remove(candidate)
                break
        else:
            placed += remaining
            break
    return placed
