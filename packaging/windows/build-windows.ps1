# Builds dist\midad-<version>-setup.exe on Windows (PowerShell, Python 3.11+, Inno Setup 6 on PATH).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
py -3.11 -m venv .venv
.\.venv\Scripts\python -m pip install -e ".[test]" "pyinstaller>=6.10"
.\.venv\Scripts\python scripts\build_translations.py
$env:MIDAD_VERSION = .\.venv\Scripts\python -c "import editor_app; print(editor_app.__version__)"
# The icon is drawn from the same source as Linux's, then converted (ImageMagick).
$env:QT_QPA_PLATFORM = "offscreen"
.\.venv\Scripts\python packaging\linux\make_icon.py build\midad.png
magick build\midad.png -define icon:auto-resize=256,128,64,48,32,16 packaging\windows\midad.ico
.\.venv\Scripts\pyinstaller --noconfirm --clean --distpath build\pyinstaller\dist --workpath build\pyinstaller\work packaging\midad.spec
.\build\pyinstaller\dist\midad\midad.exe --self-check
iscc packaging\windows\midad.iss
