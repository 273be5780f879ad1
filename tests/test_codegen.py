"""The generator's refusals (issue 27 review): what would make the generated surface wrong in
silence fails the command instead, naming the file or the names and the fix."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pulumi_uac.models import SPECS, Api, Reference, RequestModel, ResourceSpec, registry
from pulumi_uac.resource.codegen import exports, generate, scan
from pulumi_uac.resource.codegen.scan import CodegenError


class Inbound(RequestModel):
    """A nested model named as the official SDK names many: ``Inbound``."""

    channel_limit: int | None = None


class FaxCreate(RequestModel):
    name: str
    inbound: Inbound | None = None


def _fax(**kw: object) -> ResourceSpec:
    return ResourceSpec(
        name="FaxApplication",
        noun="fax application",
        create_model=FaxCreate,
        update_model=FaxCreate,
        response_model=FaxCreate,
        name_field="name",
        api=Api(path="fax_applications"),
        **kw,  # type: ignore[arg-type]
    )


def test_a_public_name_two_resources_would_export_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``InboundArgs`` is UacConnection's (an established name): a resource whose nested model
    is ``Inbound`` would take it over in ``pulumi_uac``'s exports."""
    specs = (*SPECS, _fax())
    monkeypatch.setattr(exports, "SPECS", specs)
    monkeypatch.setattr(generate, "SPECS", specs)
    with pytest.raises(CodegenError, match=r"InboundArgs \(UacConnection, FaxApplication\)"):
        generate.check_registry()
    # The way out the message names works.
    renamed = _fax(extra={"args_names": {"Inbound": "FaxInboundArgs"}})
    monkeypatch.setattr(exports, "SPECS", (*SPECS, renamed))
    monkeypatch.setattr(generate, "SPECS", (*SPECS, renamed))
    generate.check_registry()


def test_a_reference_to_an_unregistered_resource_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typo = _fax(
        references=(Reference("inbound.channel_limit", "OutboundProfile"),),
        extra={"args_names": {"Inbound": "FaxInboundArgs"}},
    )
    monkeypatch.setattr(exports, "SPECS", (*SPECS, typo))
    monkeypatch.setattr(generate, "SPECS", (*SPECS, typo))
    with pytest.raises(CodegenError, match="'OutboundProfile', which is not a registered"):
        generate.check_registry()


def test_every_way_of_writing_a_spec_is_found_and_a_file_with_none_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a_spec.py").write_text("A = ResourceSpec(name='A')\n")
    (tmp_path / "b_spec.py").write_text("B: ResourceSpec = replace(A, name='B')\n")
    (tmp_path / "c_spec.py").write_text("C: spec.ResourceSpec = make()\n")
    monkeypatch.setattr(scan, "MODELS", tmp_path)
    assert scan.spec_sources() == [("a_spec", "A"), ("b_spec", "B"), ("c_spec", "C")]
    (tmp_path / "d_spec.py").write_text("D = make_spec('D')\n")
    with pytest.raises(CodegenError, match=r"d_spec\.py defines no spec"):
        scan.spec_sources()


def test_the_registry_is_written_without_importing_the_package() -> None:
    """A spec module renamed or removed leaves ``registered.py`` importing what is gone, and
    ``pulumi_uac.models`` then fails to import: the command rewrites the registry first, from
    the sources alone."""
    for name in ("scan.py", "__init__.py", "__main__.py"):
        tree = ast.parse((Path(scan.__file__).parent / name).read_text())
        imported = {
            (n.module or "", n.level) for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
        }
        assert all(level <= 1 for _m, level in imported), (name, imported)
        if name != "__main__.py":
            assert all(m != "generate" or name == "__init__.py" for m, _l in imported)


def test_delete_order_survives_a_resource_that_names_its_own_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    own = _fax(references=(Reference("inbound.channel_limit", "FaxApplication"),))
    monkeypatch.setattr(registry, "SPECS", (*SPECS, own))
    order = registry.users_first()
    assert sorted(order) == sorted(s.name for s in (*SPECS, own))
    assert order.index("TexmlApplication") < order.index("OutboundVoiceProfile")
