@echo off
rem Starts the Nocturne workbench from this product folder on Windows. There is no native launcher (it is not on
rem Maven Central), so the JVM options live here. Needs a JDK 21 or newer: JAVA_HOME, or java on PATH.
setlocal
set "HERE=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo Nocturne needs a JDK 21 or newer: none was found in JAVA_HOME or on PATH. 1>&2
  exit /b 1
)
for %%L in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER (
  echo This Nocturne folder is incomplete: no org.eclipse.equinox.launcher jar under %HERE%plugins. 1>&2
  exit /b 1
)
if not defined NOCTURNE_DATA set "NOCTURNE_DATA=%USERPROFILE%\.nocturne"
"%JAVA%" -Xms128m -Xmx2g -Dosgi.requiredJavaVersion=21 -Dosgi.sharedConfiguration.area="%HERE%configuration" -Dosgi.configuration.cascaded=true -jar "%LAUNCHER%" -install "%HERE%." -configuration "%NOCTURNE_DATA%\configuration" -data "%NOCTURNE_DATA%\workspace" -clearPersistedState %*
