@echo off
rem apim-upgrade, as installed from the release archive: runs lib\apim-upgrade.jar with the Java 17+ found in
rem JAVA_HOME, or else on the PATH. Nothing else is needed (no Maven, no network).
setlocal
set "HERE=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=5 -XX:+UseSerialGC -Xshare:auto %APIM_UPGRADE_JAVA_OPTS% -jar "%HERE%\lib\apim-upgrade.jar" %*
exit /b %ERRORLEVEL%
