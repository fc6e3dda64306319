import { all, anyRunning, apiCalled, not, replacementKeptData, someContainer } from '../predicates.ts';
import type { Lesson } from '../types.ts';

const restarted = someContainer((c) => c.restartCount > 0);
/** An `on-failure:N` container that used up its restarts and stayed down. */
const gaveUp = someContainer((c) => c.status === 'exited' && c.exitCode !== 0 && c.restartCount >= 3);
/** A running container with a named volume mounted. */
const runsWithNamedVolume = someContainer((c, w) => c.status === 'running' && (c.mounts ?? []).some((m) => m.type === 'volume' && w.volumes[m.name]?.anonymous === false));

/**
 * Lesson 13: disposable containers: restart policies bring a container back when its PID 1 dies
 * (moby daemon/restartmanager); a container removed for good is replaced by a new one from the
 * same image, and the data that must survive lives in a volume, outside both.
 */
export const disposable: Lesson = {
  id: 'disposable',
  order: 13,
  title: { en: 'Disposable containers', 'pt-BR': 'Contêineres descartáveis' },
  intro: {
    en: 'Containers are meant to be disposable: when one dies, it is restarted or replaced, not nursed back to health. A restart policy tells Docker to start a container again when its PID 1 exits; and when a container is gone for good, you start a new one from the same image. Nothing in it is precious, because the data that matters lives in a volume, outside the container.',
    'pt-BR': 'Contêineres são feitos para serem descartáveis: quando um morre, ele é reiniciado ou substituído, e não tratado com carinho até melhorar. A política de reinício diz ao Docker para subir o contêiner de novo quando o PID 1 dele termina; e quando um contêiner se vai de vez, você sobe outro a partir da mesma imagem. Nada nele é precioso, porque os dados que importam ficam num volume, fora do contêiner.',
  },
  steps: [
    {
      run: 'docker run -d --name flaky --restart on-failure:3 alpine sh -c "sleep 1; exit 1"',
      say: {
        en: 'A program that fails after a second, with a restart policy: each time it exits with an error, Docker starts it again, at most 3 times.',
        'pt-BR': 'Um programa que falha depois de um segundo, com política de reinício: cada vez que ele sai com erro, o Docker sobe ele de novo, no máximo 3 vezes.',
      },
    },
    {
      run: "docker inspect -f '{{.RestartCount}} {{.State.Status}}' flaky",
      say: {
        en: 'Wait a few seconds and ask again: the count climbs to 3, then Docker gives up and the container stays exited.',
        'pt-BR': 'Espere alguns segundos e pergunte de novo: a contagem sobe até 3, depois o Docker desiste e o contêiner fica parado.',
      },
    },
    {
      run: "docker run -d --name app --restart always -v appdata:/data alpine sh -c 'echo started >> /data/log; sleep 1000'",
      say: {
        en: 'A long-running service that notes each start in a named volume, with --restart always.',
        'pt-BR': 'Um serviço de longa duração que anota cada início num volume nomeado, com --restart always.',
      },
    },
    {
      run: "kill -9 $(docker inspect -f '{{.State.Pid}}' app)",
      say: {
        en: 'Kill its PID 1 from the host, as a crash would. The container dies with it, and the policy brings it straight back: same container, new process.',
        'pt-BR': 'Mate o PID 1 dele a partir do host, como faria um crash. O contêiner morre junto, e a política traz ele de volta na hora: mesmo contêiner, processo novo.',
      },
    },
    {
      run: 'docker exec app cat /data/log',
      say: { en: 'Two starts noted.', 'pt-BR': 'Dois inícios anotados.' },
    },
    {
      run: 'docker rm -f app',
      say: {
        en: 'Now the container is gone for good, as when its host is lost or its image is updated. A restart policy cannot help here.',
        'pt-BR': 'Agora o contêiner se foi de vez, como quando o host dele se perde ou a imagem é atualizada. Aqui a política de reinício não ajuda.',
      },
    },
    {
      run: "docker run -d --name app --restart always -v appdata:/data alpine sh -c 'echo started >> /data/log; sleep 1000'",
      say: {
        en: 'Replace it: a new container from the same image, with the same volume.',
        'pt-BR': 'Substitua: um contêiner novo, da mesma imagem, com o mesmo volume.',
      },
    },
    {
      run: 'docker exec app cat /data/log',
      say: {
        en: 'Three starts: the data outlived both containers, because it never lived in them.',
        'pt-BR': 'Três inícios: os dados sobreviveram aos dois contêineres, porque nunca moraram neles.',
      },
    },
  ],
  goals: [
    {
      id: 'restarted',
      text: { en: 'Docker restarted a container after its PID 1 died', 'pt-BR': 'O Docker reiniciou um contêiner depois que o PID 1 dele morreu' },
      met: restarted,
    },
    {
      id: 'gave-up',
      text: { en: 'An on-failure policy gave up after its last restart', 'pt-BR': 'Uma política on-failure desistiu depois do último reinício' },
      met: gaveUp,
    },
    {
      id: 'replaced',
      text: { en: 'A replacement container runs with the data its predecessor left in a volume', 'pt-BR': 'Um contêiner substituto roda com os dados que o anterior deixou num volume' },
      met: replacementKeptData,
    },
  ],
  hints: [
    {
      id: 'no-policy',
      when: all(not(restarted), someContainer((c) => c.status === 'exited' && c.exitCode !== 0)),
      text: {
        en: 'A container died and stayed down: without a restart policy Docker leaves it exited. Run it with --restart on-failure:3 (or --restart always for a service).',
        'pt-BR': 'Um contêiner morreu e ficou parado: sem política de reinício o Docker deixa ele assim. Rode com --restart on-failure:3 (ou --restart always, para um serviço).',
      },
    },
    {
      id: 'no-volume',
      when: all(apiCalled(/^DELETE \/containers\/[^/]+$/), anyRunning, not(runsWithNamedVolume)),
      text: {
        en: 'This container has no volume, so whatever its predecessor wrote went with it. Start the replacement with -v appdata:/data.',
        'pt-BR': 'Este contêiner não tem volume, então o que o anterior gravou foi embora junto com ele. Suba o substituto com -v appdata:/data.',
      },
    },
  ],
  quiz: [
    {
      id: 'on-failure',
      question: { en: 'What does --restart on-failure:3 do?', 'pt-BR': 'O que faz o --restart on-failure:3?' },
      choices: [
        { en: 'Restarts the container up to 3 times when it exits with a non-zero code', 'pt-BR': 'Reinicia o contêiner até 3 vezes quando ele sai com código diferente de zero' },
        { en: 'Restarts it every 3 seconds', 'pt-BR': 'Reinicia o contêiner a cada 3 segundos' },
        { en: 'Restarts it 3 times even after docker stop', 'pt-BR': 'Reinicia 3 vezes mesmo depois de um docker stop' },
      ],
      answer: 0,
      explain: { en: 'RestartCount reached 3 and the container stayed exited.', 'pt-BR': 'O RestartCount chegou a 3 e o contêiner ficou parado.' },
    },
    {
      id: 'restart-vs-replace',
      question: { en: 'What is the difference between a restart and a replacement?', 'pt-BR': 'Qual é a diferença entre reiniciar e substituir?' },
      choices: [
        { en: 'None: both keep the container’s writable layer', 'pt-BR': 'Nenhuma: os dois mantêm a camada gravável do contêiner' },
        { en: 'A restart starts the same container again (its writable layer kept); a replacement is a new container, with a fresh one', 'pt-BR': 'Reiniciar sobe o mesmo contêiner de novo (a camada gravável fica); substituir é criar um contêiner novo, com uma camada nova' },
        { en: 'A replacement keeps the old container’s processes', 'pt-BR': 'Substituir mantém os processos do contêiner antigo' },
      ],
      answer: 1,
      explain: {
        en: 'That is why the log lives in a volume: it survives both.',
        'pt-BR': 'Por isso o log fica num volume: ele sobrevive aos dois casos.',
      },
    },
    {
      id: 'where-data',
      question: { en: 'Where should a disposable container keep data that must survive it?', 'pt-BR': 'Onde um contêiner descartável deve guardar os dados que precisam sobreviver a ele?' },
      choices: [
        { en: 'In its writable layer', 'pt-BR': 'Na camada gravável dele' },
        { en: 'In the image, with docker commit', 'pt-BR': 'Na imagem, com docker commit' },
        { en: 'Outside it: in a volume (or a database, another service)', 'pt-BR': 'Fora dele: num volume (ou num banco de dados, outro serviço)' },
      ],
      answer: 2,
      explain: {
        en: 'The replacement found every line its predecessors wrote in appdata.',
        'pt-BR': 'O substituto encontrou no appdata todas as linhas que os anteriores gravaram.',
      },
    },
  ],
  solution: [
    'docker run -d --name flaky --restart on-failure:3 alpine sh -c "sleep 1; exit 1"',
    'sleep 10',
    "docker inspect -f '{{.RestartCount}} {{.State.Status}}' flaky",
    "docker run -d --name app --restart always -v appdata:/data alpine sh -c 'echo started >> /data/log; sleep 1000'",
    "kill -9 $(docker inspect -f '{{.State.Pid}}' app)",
    'sleep 1',
    'docker exec app cat /data/log',
    'docker rm -f app',
    "docker run -d --name app --restart always -v appdata:/data alpine sh -c 'echo started >> /data/log; sleep 1000'",
    'docker exec app cat /data/log',
  ],
};
